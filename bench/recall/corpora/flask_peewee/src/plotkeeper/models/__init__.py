from .community import Application, HarvestEntry, Invite, NoticePost, WaterLog
from .garden import Plot, Site, Tenancy
from .user import ApiRefreshToken, User

ALL_MODELS = [
    User,
    ApiRefreshToken,
    Site,
    Plot,
    Tenancy,
    Application,
    Invite,
    NoticePost,
    HarvestEntry,
    WaterLog,
]
