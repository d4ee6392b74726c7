from datetime import date, timedelta

from dash import dash_table, dcc, html

from . import data


def _filters():
    regions = data.list_regions()
    today = date.today()
    return html.Div(
        className="row g-3 align-items-end mb-3",
        children=[
            html.Div(
                className="col-md-3",
                children=[
                    html.Label("Region", htmlFor="region-select", className="form-label"),
                    dcc.Dropdown(
                        id="region-select",
                        options=[{"label": r, "value": r} for r in regions],
                        value=regions[0] if regions else None,
                        clearable=False,
                    ),
                ],
            ),
            html.Div(
                className="col-md-5",
                children=[
                    html.Label("Period", className="form-label d-block"),
                    dcc.DatePickerRange(
                        id="date-range",
                        start_date=today - timedelta(days=90),
                        end_date=today,
                        display_format="YYYY-MM-DD",
                    ),
                ],
            ),
            html.Div(
                className="col-md-4",
                children=[
                    html.Label("Find a rep", htmlFor="rep-search", className="form-label"),
                    dcc.Input(id="rep-search", type="search", debounce=True, className="form-control"),
                ],
            ),
        ],
    )


def _save_view_form():
    return html.Form(
        action="/dashboard-api/views",
        method="POST",
        className="d-flex gap-2 mt-4",
        children=[
            dcc.Input(name="name", placeholder="Save this view as…", className="form-control", maxLength=80),
            dcc.Input(id="save-region", name="region", type="hidden"),
            dcc.Input(id="save-start", name="start_date", type="hidden"),
            dcc.Input(id="save-end", name="end_date", type="hidden"),
            html.Button("Save view", type="submit", className="btn btn-outline-primary"),
        ],
    )


def build_layout():
    return html.Div(
        className="container-fluid py-3",
        children=[
            html.H2("Regional performance", className="h4"),
            _filters(),
            dcc.Loading(dcc.Graph(id="region-trend", config={"displaylogo": False})),
            html.H3("Rep leaderboard", className="h5 mt-4"),
            dash_table.DataTable(
                id="rep-table",
                columns=[
                    {"name": "Rep", "id": "rep"},
                    {"name": "Orders", "id": "orders", "type": "numeric"},
                    {"name": "Revenue", "id": "revenue", "type": "numeric"},
                ],
                page_size=15,
                sort_action="native",
                style_table={"overflowX": "auto"},
            ),
            _save_view_form(),
        ],
    )
