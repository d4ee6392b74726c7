from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from bookings.auth import views as auth
from bookings.endpoints import account, admin, api, bookings, calendar, payments, rooms
from bookings.templating import templates


async def home(request):
    return templates.TemplateResponse(request, "home.html", {})


async def healthz(request):
    from starlette.responses import PlainTextResponse

    return PlainTextResponse("ok")


auth_routes = [
    Route("/login", auth.login, methods=["GET", "POST"], name="login"),
    Route("/login/link", auth.consume_login_link, methods=["GET"], name="login_link"),
    Route("/login/link", auth.request_login_link, methods=["POST"], name="request_login_link"),
    Route("/logout", auth.logout, methods=["POST"], name="logout"),
    Route("/register", auth.register, methods=["GET", "POST"], name="register"),
    Route("/verify-email", auth.verify_email, name="verify_email"),
    Route("/forgot-password", auth.forgot_password, methods=["GET", "POST"], name="forgot_password"),
    Route("/reset-password/{code}", auth.reset_password, methods=["GET", "POST"], name="reset_password"),
]

booking_routes = [
    Route("/", bookings.my_bookings, name="my_bookings"),
    Route("/{booking_id:int}", bookings.booking_detail, name="booking_detail"),
    Route("/{booking_id:int}/cancel", bookings.cancel_booking, methods=["POST"], name="cancel_booking"),
    Route("/{booking_id:int}/pay", bookings.pay_booking, methods=["POST"], name="pay_booking"),
    Route("/{booking_id:int}/paid", bookings.booking_paid, name="booking_paid"),
    Route("/{booking_id:int}/resend", bookings.resend_confirmation, methods=["POST"], name="resend_confirmation"),
]

admin_routes = [
    Route("/", admin.dashboard, name="admin_dashboard"),
    Route("/bookings", admin.booking_list, name="admin_bookings"),
    Route("/rooms/new", admin.RoomEditor, name="admin_room_new"),
    Route("/rooms/{room_id:int}", admin.RoomEditor, name="admin_room_edit"),
    Route("/reports/revenue", admin.revenue_report, name="admin_revenue"),
]

api_routes = [
    Route("/token", api.issue_token, methods=["POST"]),
    Route("/token/refresh", api.refresh_token, methods=["POST"]),
    Route("/rooms", api.list_rooms),
    Route("/bookings", api.list_bookings, methods=["GET"]),
    Route("/bookings", api.create_booking, methods=["POST"]),
    Route("/bookings/{booking_id:int}/cancel", api.cancel_booking, methods=["POST"]),
    Route("/reports/utilisation", api.room_utilisation, methods=["POST"]),
    Route("/ops/purge-sessions", api.purge_sessions, methods=["POST"]),
]

routes = [
    Route("/", home, name="home"),
    Route("/healthz", healthz),
    *auth_routes,
    Route("/rooms", rooms.RoomList, name="rooms"),
    Route("/rooms/quick", rooms.quick_search, name="quick_search"),
    Route("/rooms/by-building", rooms.building_rooms, name="building_rooms"),
    Route("/rooms/{slug}", rooms.RoomDetail, name="room_detail"),
    Route("/rooms/{slug}/book", bookings.NewBooking, name="new_booking"),
    Route("/widget/{slug}", rooms.availability_widget, name="widget"),
    Route("/account", account.Account, name="account"),
    Route("/account/password", account.change_password, methods=["POST"], name="change_password"),
    Route("/calendar/{token}.ics", calendar.calendar_feed, name="calendar_feed"),
    Route("/webhooks/paybridge", payments.paybridge_webhook, methods=["POST"], name="paybridge_webhook"),
    Mount("/bookings", routes=booking_routes),
    Mount("/admin", routes=admin_routes),
    Mount("/api", routes=api_routes),
    Mount("/static", StaticFiles(directory="bookings/static"), name="static"),
]
