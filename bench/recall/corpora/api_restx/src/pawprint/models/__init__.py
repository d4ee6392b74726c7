from .accounts import Owner, ResetCode, StaffUser, TokenBlocklist
from .appointments import Appointment
from .clinics import Clinic, LabPartner
from .pets import Pet, ShareLink, Vaccination, WeightEntry

__all__ = [
    "Appointment",
    "Clinic",
    "LabPartner",
    "Owner",
    "Pet",
    "ResetCode",
    "ShareLink",
    "StaffUser",
    "TokenBlocklist",
    "Vaccination",
    "WeightEntry",
]
