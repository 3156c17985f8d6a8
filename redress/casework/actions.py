"""Which moves of the procedure a person is offered on a case: straight from the table."""

from dataclasses import dataclass

from redress.casework.labels import ACTION_LABELS
from redress.domain.roles import Role
from redress.domain.workflow import Action, Stage, allowed_actions, transition_for


@dataclass(frozen=True)
class Offered:
    action: Action
    label: str


def may_take(stage: Stage, action: Action, roles: frozenset[Role]) -> bool:
    return action in allowed_actions(stage) and bool(transition_for(stage, action).roles & roles)


def offered_actions(stage: Stage, roles: frozenset[Role]) -> list[Offered]:
    return [
        Offered(action, ACTION_LABELS[action])
        for action in allowed_actions(stage)
        if transition_for(stage, action).roles & roles
    ]
