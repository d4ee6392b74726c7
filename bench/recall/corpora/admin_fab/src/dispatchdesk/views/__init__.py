"""Menu and view registration for the back office."""
from ..extensions import csrf
from .dashboard import DashboardView
from .dispatch import DispatchBoardView
from .exports import ExportView
from .fleet import CarrierModelView, DepotModelView, DriverModelView
from .reports import ReportsView
from .search import GlobalSearchView
from .shipments import ShipmentEventModelView, ShipmentModelView


def register_views(appbuilder):
    appbuilder.add_view(
        ShipmentModelView,
        "Shipments",
        icon="fa-cube",
        category="Operations",
        category_icon="fa-truck",
    )
    appbuilder.add_view_no_menu(ShipmentEventModelView)
    appbuilder.add_view(DispatchBoardView, "Dispatch board", icon="fa-columns", category="Operations")
    appbuilder.add_view(GlobalSearchView, "Search", icon="fa-search", category="Operations")
    appbuilder.add_view_no_menu(DashboardView)

    appbuilder.add_view(
        DriverModelView,
        "Drivers",
        icon="fa-id-card",
        category="Fleet",
        category_icon="fa-users",
    )
    appbuilder.add_view(DepotModelView, "Depots", icon="fa-building", category="Fleet")
    appbuilder.add_view(CarrierModelView, "Carriers", icon="fa-handshake-o", category="Fleet")

    reports = ReportsView()
    appbuilder.add_view(
        reports,
        "On-time performance",
        href="/reports/on-time/",
        icon="fa-line-chart",
        category="Reports",
        category_icon="fa-bar-chart",
    )
    appbuilder.add_link("Late by carrier", href="/reports/late/", icon="fa-clock-o", category="Reports")
    appbuilder.add_link("Saved filters", href="/reports/filters/", icon="fa-filter", category="Reports")
    # The chart widgets post their JSON filter payloads without a form token.
    csrf.exempt(reports.blueprint)

    appbuilder.add_view_no_menu(ExportView)
