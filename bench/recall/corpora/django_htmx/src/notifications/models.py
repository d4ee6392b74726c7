from django.db import models


class SmsDelivery(models.Model):
    provider_sid = models.CharField(max_length=64, unique=True)
    to_number = models.CharField(max_length=32)
    status = models.CharField(max_length=32)
    updated_at = models.DateTimeField(auto_now=True)
