"""The Python facade every interface shares (the CLI, the HTTP server, batch jobs): ``Desk``
checks articles, ``Report`` is the result for one input, and ``Supervisor`` and ``Budget`` check
them under per-input time and memory budgets in a worker process."""

from copydesk.desk.desk import Desk
from copydesk.desk.report import Report
from copydesk.desk.supervise import Budget, Supervisor

__all__ = ["Budget", "Desk", "Report", "Supervisor"]
