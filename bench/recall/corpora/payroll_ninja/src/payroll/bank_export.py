"""SEPA credit transfer file for the monthly salary run."""
import io
import logging
import os
from datetime import datetime
from xml.etree import ElementTree as ET

import paramiko

from .models import PayPeriod

logger = logging.getLogger(__name__)

BANK_SFTP = {
    "host": os.environ.get("BANK_SFTP_HOST", "sftp.files.nordbank.eu"),
    "port": 22,
    "username": "ninjahr_payroll",
    "password": "Rk7#vQ2m!xT9wLp4",
    "remote_dir": "/inbound/pain001",
}

DEBTOR_NAME = "Ninja HR Ltd"
DEBTOR_IBAN = os.environ.get("PAYROLL_DEBTOR_IBAN", "")


def _sub(parent, path, text=None, **attrs):
    for tag in path.split("/"):
        parent = ET.SubElement(parent, tag, attrs if tag == path.split("/")[-1] else {})
    if text is not None:
        parent.text = str(text)
    return parent


def build_pain001(period):
    payslips = list(period.payslips.select_related("employee").exclude(employee__iban=""))
    total = sum(p.net for p in payslips)

    root = ET.Element("Document", xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03")
    cstmr = _sub(root, "CstmrCdtTrfInitn")
    hdr = _sub(cstmr, "GrpHdr")
    _sub(hdr, "MsgId", f"PAYROLL-{period.label}")
    _sub(hdr, "CreDtTm", datetime.now().replace(microsecond=0).isoformat())
    _sub(hdr, "NbOfTxs", len(payslips))
    _sub(hdr, "CtrlSum", f"{total:.2f}")

    pmt = _sub(cstmr, "PmtInf")
    _sub(pmt, "PmtInfId", f"SAL-{period.label}")
    _sub(pmt, "PmtMtd", "TRF")
    _sub(pmt, "ReqdExctnDt", period.pay_date.isoformat())
    _sub(pmt, "Dbtr/Nm", DEBTOR_NAME)
    _sub(pmt, "DbtrAcct/Id/IBAN", DEBTOR_IBAN)

    for payslip in payslips:
        emp = payslip.employee
        tx = _sub(pmt, "CdtTrfTxInf")
        _sub(tx, "PmtId/EndToEndId", f"{period.label}-{emp.employee_no}")
        _sub(tx, "Amt/InstdAmt", f"{payslip.net:.2f}", Ccy="GBP")
        _sub(tx, "Cdtr/Nm", emp.full_name)
        _sub(tx, "CdtrAcct/Id/IBAN", emp.iban.replace(" ", ""))
        _sub(tx, "RmtInf/Ustrd", f"Salary {period.label}")

    buf = io.BytesIO()
    ET.ElementTree(root).write(buf, encoding="utf-8", xml_declaration=True)
    return buf.getvalue(), len(payslips), total


def upload_to_bank(filename, payload):
    transport = paramiko.Transport((BANK_SFTP["host"], BANK_SFTP["port"]))
    try:
        transport.connect(username=BANK_SFTP["username"], password=BANK_SFTP["password"])
        sftp = paramiko.SFTPClient.from_transport(transport)
        remote_path = f"{BANK_SFTP['remote_dir']}/{filename}"
        sftp.putfo(io.BytesIO(payload), remote_path)
        sftp.close()
    finally:
        transport.close()
    return remote_path


def export_period(period_id):
    period = PayPeriod.objects.get(pk=period_id)
    payload, count, total = build_pain001(period)
    remote = upload_to_bank(f"ninjahr-salaries-{period.label}.xml", payload)
    logger.info("uploaded %s (%d transfers, total %s)", remote, count, total)
    return remote
