from pathlib import Path

from dynaconf import Dynaconf, Validator

BASE_DIR = Path(__file__).resolve().parent.parent

settings = Dynaconf(
    envvar_prefix="TIX",
    settings_files=[BASE_DIR / "settings.toml", BASE_DIR / ".secrets.toml"],
    environments=True,
    env_switcher="TIX_ENV",
    load_dotenv=True,
    validators=[
        Validator("SECRET_KEY", must_exist=True, len_min=32),
        Validator("JWT_SECRET", must_exist=True, len_min=32),
        Validator("DATABASE_URL", must_exist=True),
        Validator("ALLOWED_HOSTS", must_exist=True, is_type_of=list),
    ],
)


def is_production() -> bool:
    return settings.current_env.lower() == "production"
