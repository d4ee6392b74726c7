"""Application factory for the public forum."""
import os

import tornado.web
from tornado.options import options

from forum import uimodules
from forum.handlers import api, auth, home, posts, profile, search, tags, threads, webhooks

HERE = os.path.dirname(os.path.abspath(__file__))


def routes():
    return [
        (r"/", home.IndexHandler),
        (r"/b/([a-z0-9-]+)", home.BoardHandler, None, "board"),
        (r"/b/([a-z0-9-]+)/unlock", threads.BoardUnlockHandler),
        (r"/b/([a-z0-9-]+)/new", threads.NewThreadHandler),
        (r"/t/(\d+)", threads.ThreadHandler, None, "thread"),
        (r"/t/(\d+)/vote", threads.VoteHandler),
        (r"/p/(\d+)/edit", posts.EditPostHandler),
        (r"/p/(\d+)/report", posts.ReportPostHandler),
        (r"/preview", posts.PreviewHandler),
        (r"/tags", tags.TagHandler),
        (r"/search", search.SearchHandler),
        (r"/u/([A-Za-z0-9_]+)", profile.ProfileHandler, None, "profile"),
        (r"/settings", profile.SettingsHandler),
        (r"/b/([a-z0-9-]+)/invites", profile.InviteHandler),
        (r"/invite/([A-Z0-9]+)", profile.AcceptInviteHandler),
        (r"/login", auth.LoginHandler),
        (r"/logout", auth.LogoutHandler),
        (r"/register", auth.RegisterHandler),
        (r"/verify/([a-f0-9]+)", auth.VerifyEmailHandler),
        (r"/forgot", auth.ForgotPasswordHandler),
        (r"/reset/([A-Za-z0-9_-]+)", auth.ResetPasswordHandler),
        (r"/login/email", auth.EmailLoginRequestHandler),
        (r"/login/link", auth.EmailLoginHandler),
        (r"/hooks/mailgun", webhooks.MailgunEventsHandler),
        # mobile API
        (r"/api/v1/auth/token", api.TokenHandler),
        (r"/api/v1/auth/refresh", api.RefreshHandler),
        (r"/api/v1/me", api.MeHandler),
        (r"/api/v1/boards/([a-z0-9-]+)/threads", api.BoardThreadsHandler),
        (r"/api/v1/threads/(\d+)", api.ThreadDetailHandler),
        (r"/api/v1/threads/(\d+)/posts", api.ThreadPostsHandler),
        (r"/api/v1/notifications", api.NotificationsHandler),
    ]


def make_app(db):
    settings = dict(
        template_path=os.path.join(HERE, "templates"),
        static_path=os.path.join(HERE, "static"),
        cookie_secret=options.cookie_secret,
        xsrf_cookies=True,
        xsrf_cookie_kwargs={"httponly": True, "samesite": "Strict", "secure": options.env != "development"},
        login_url="/login",
        ui_modules=uimodules,
        debug=options.debug,
        default_handler_class=home.NotFoundHandler,
        compress_response=True,
    )
    app = tornado.web.Application(routes(), **settings)
    app.db = db
    return app
