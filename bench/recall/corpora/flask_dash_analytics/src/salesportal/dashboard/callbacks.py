import plotly.express as px
from dash import Input, Output
from dash.exceptions import PreventUpdate

from . import data


def register_callbacks(app):
    @app.callback(
        Output("region-trend", "figure"),
        Input("region-select", "value"),
        Input("date-range", "start_date"),
        Input("date-range", "end_date"),
    )
    def update_region_trend(region, start_date, end_date):
        if not region or not start_date or not end_date:
            raise PreventUpdate
        frame = data.region_daily_revenue(region, start_date, end_date)
        fig = px.area(frame, x="day", y="revenue")
        fig.update_layout(margin=dict(l=20, r=20, t=30, b=20), yaxis_title="Revenue (EUR)", xaxis_title=None)
        return fig

    @app.callback(
        Output("rep-table", "data"),
        Input("region-select", "value"),
        Input("rep-search", "value"),
    )
    def update_rep_table(region, search):
        if not region:
            return []
        frame = data.rep_leaderboard(region, (search or "").strip())
        frame["revenue"] = frame["revenue"].astype(float).round(2)
        return frame.to_dict("records")

    @app.callback(
        Output("save-region", "value"),
        Output("save-start", "value"),
        Output("save-end", "value"),
        Input("region-select", "value"),
        Input("date-range", "start_date"),
        Input("date-range", "end_date"),
    )
    def mirror_filters(region, start_date, end_date):
        return region, start_date, end_date
