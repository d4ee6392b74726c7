from django.db.models.signals import post_save
from django.dispatch import receiver

from apps.properties.models import Unit

from .models import Lease


@receiver(post_save, sender=Lease)
def sync_unit_status(sender, instance, **kwargs):
    unit = instance.unit
    if instance.status == Lease.Status.ACTIVE and unit.status != Unit.Status.OCCUPIED:
        unit.status = Unit.Status.OCCUPIED
        unit.is_listed = False
        unit.save(update_fields=["status", "is_listed"])
    elif instance.status == Lease.Status.ENDED and not unit.leases.filter(status=Lease.Status.ACTIVE).exists():
        unit.status = Unit.Status.VACANT
        unit.save(update_fields=["status"])
