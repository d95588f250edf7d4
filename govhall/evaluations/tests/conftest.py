import pytest

from govhall.queueing import services
from govhall.queueing.models import DeviceKind


@pytest.fixture
def evaluator(hall):
    device, _raw = services.issue_device(
        center=hall.center,
        kind=DeviceKind.EVALUATOR,
        name="01号窗口评价器",
        actor=hall.manager_actor,
        window=hall.window,
    )
    return device


@pytest.fixture
def finished(hall):
    hall.take(minutes=0, name="王五", phone="13912345678")
    return hall.finish(hall.serve(hall.call(minutes=1), minutes=2), minutes=10)
