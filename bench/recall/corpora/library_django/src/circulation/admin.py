from django.contrib import admin

from .models import Fine, Hold, Loan

admin.site.register(Loan, raw_id_fields=("copy", "patron"), list_display=("copy", "patron", "due_date"))
admin.site.register(Hold, raw_id_fields=("title", "patron", "copy"), list_filter=("status",))
admin.site.register(Fine, raw_id_fields=("patron", "loan"))
