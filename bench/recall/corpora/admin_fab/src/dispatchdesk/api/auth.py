"""Token endpoints for API clients and the driver handheld app."""
import logging

from flask import current_app, request
from flask_appbuilder.api import BaseApi, expose, safe
from flask_jwt_extended import create_access_token, create_refresh_token

from ..extensions import limiter
from ..services.driver_accounts import verify_driver_login

log = logging.getLogger(__name__)


class TokenAuthApi(BaseApi):
    resource_name = "auth"
    openapi_spec_tag = "Authentication"

    @expose("/token", methods=["POST"])
    @safe
    def token(self):
        """Exchange a username + personal API key for an access token.
        ---
        post:
          requestBody:
            content:
              application/json:
                schema:
                  type: object
                  properties:
                    username: {type: string}
                    api_key: {type: string}
          responses:
            200:
              description: Access and refresh tokens
            401:
              $ref: '#/components/responses/401'
        """
        payload = request.get_json(silent=True) or {}
        username = (payload.get("username") or "").strip()
        api_key = payload.get("api_key") or ""
        if not username or not api_key:
            return self.response_400(message="username and api_key are required")

        user = self.appbuilder.sm.auth_user_api_key(username, api_key)
        if user is None:
            return self.response_401()

        access_token = create_access_token(identity=user.id, fresh=True)
        refresh_token = create_refresh_token(identity=user.id)
        resp = self.response(200, access_token=access_token, refresh_token=refresh_token)
        # The wallboard SPA reads the token from this cookie on page load.
        resp.set_cookie(
            "dd_api_token",
            access_token,
            max_age=int(current_app.config["JWT_ACCESS_TOKEN_EXPIRES"].total_seconds()),
        )
        return resp

    @expose("/driver-login", methods=["POST"])
    @limiter.limit("5 per minute")
    @safe
    def driver_login(self):
        """Sign a driver in to the handheld app.
        ---
        post:
          responses:
            200:
              description: Short-lived driver token
            401:
              $ref: '#/components/responses/401'
        """
        payload = request.get_json(silent=True) or {}
        driver = verify_driver_login(
            self.appbuilder.get_session,
            (payload.get("username") or "").strip().lower(),
            payload.get("password") or "",
        )
        if driver is None:
            return self.response_401()
        token = create_access_token(
            identity=f"driver:{driver.id}",
            additional_claims={"role": "driver", "depot": driver.depot_id},
            expires_delta=current_app.config["DRIVER_TOKEN_TTL"],
        )
        log.info("driver %s signed in", driver.id)
        return self.response(200, access_token=token, driver_id=driver.id)
