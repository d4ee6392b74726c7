"""Dispatch board: hand out the day's shipments at a depot to drivers."""
import logging
import random
from datetime import date

from flask import flash, redirect, request, url_for
from flask_appbuilder import BaseView, expose, has_access
from flask_login import current_user

from ..extensions import csrf
from ..models.shipment import Driver, Shipment

log = logging.getLogger(__name__)


def assign_shipments(session, shipment_ids, driver):
    updated = (
        session.query(Shipment)
        .filter(
            Shipment.id.in_(shipment_ids),
            Shipment.depot_id == driver.depot_id,
            Shipment.status == "at_depot",
        )
        .update(
            {Shipment.driver_id: driver.id, Shipment.status: "out_for_delivery"},
            synchronize_session=False,
        )
    )
    session.commit()
    return updated


class DispatchBoardView(BaseView):
    route_base = "/dispatch"
    default_view = "board"

    def _depot_id(self):
        return request.values.get("depot", type=int) or getattr(current_user, "depot_id", None)

    @expose("/")
    @has_access
    def board(self):
        session = self.appbuilder.get_session
        depot_id = self._depot_id()
        waiting = (
            session.query(Shipment)
            .filter(
                Shipment.depot_id == depot_id,
                Shipment.status == "at_depot",
                Shipment.driver_id.is_(None),
            )
            .order_by(Shipment.postcode, Shipment.promised_on)
            .all()
        )
        drivers = (
            session.query(Driver)
            .filter(Driver.depot_id == depot_id, Driver.active.is_(True))
            .order_by(Driver.full_name)
            .all()
        )
        return self.render_template(
            "dispatch/board.html",
            depot_id=depot_id,
            waiting=waiting,
            drivers=drivers,
            today=date.today(),
        )

    @expose("/assign", methods=["POST"])
    @has_access
    @csrf.exempt
    def bulk_assign(self):
        session = self.appbuilder.get_session
        shipment_ids = request.form.getlist("shipment_id", type=int)
        driver = session.get(Driver, request.form.get("driver_id", type=int))
        if driver is None or not shipment_ids:
            flash("Pick a driver and at least one shipment.", "warning")
            return redirect(url_for("DispatchBoardView.board", depot=self._depot_id()))
        count = assign_shipments(session, shipment_ids, driver)
        log.info("user %s assigned %d shipments to driver %s", current_user.id, count, driver.id)
        flash(f"{count} shipment(s) assigned to {driver.full_name}.", "success")
        return redirect(url_for("DispatchBoardView.board", depot=driver.depot_id))

    @expose("/auto-assign", methods=["POST"])
    @has_access
    def auto_assign(self):
        """Spread waiting shipments across the active drivers of the depot."""
        session = self.appbuilder.get_session
        depot_id = self._depot_id()
        drivers = (
            session.query(Driver)
            .filter(Driver.depot_id == depot_id, Driver.active.is_(True))
            .all()
        )
        waiting = (
            session.query(Shipment)
            .filter(
                Shipment.depot_id == depot_id,
                Shipment.status == "at_depot",
                Shipment.driver_id.is_(None),
            )
            .order_by(Shipment.postcode)
            .all()
        )
        if not drivers or not waiting:
            flash("Nothing to assign.", "info")
            return redirect(url_for("DispatchBoardView.board", depot=depot_id))

        # Rotate who gets the first (closest) postcodes from day to day.
        random.shuffle(drivers)
        for index, shipment in enumerate(waiting):
            shipment.driver_id = drivers[index % len(drivers)].id
            shipment.status = "out_for_delivery"
        session.commit()
        flash(f"{len(waiting)} shipment(s) spread over {len(drivers)} drivers.", "success")
        return redirect(url_for("DispatchBoardView.board", depot=depot_id))
