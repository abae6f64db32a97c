"""Generates a batch of case events for benchmarks: a realistic mix, 2% broken.

Usage: python3 benches/generate_events.py N OUT.ndjson [SEED]

The events are the shipped examples (letter-templates/examples/), each with
its own id and case number, in a mix that looks like a municipality's day:
mostly payment specifications, information requests and letters that go out,
fewer hard letters that wait for a call. Two in a hundred lines are broken on
purpose: invalid JSON, a missing surname, or an unknown event type.
Standard library only; never a dependency of helder.
"""

import json
import pathlib
import random
import sys

# How often each event type appears, per 1,000 events (roughly a day in a
# municipality of 40,000 households with bijstand; the rest are spread evenly).
WEIGHTS = {
    "payment_specification": 260,
    "information_requested": 120,
    "application_received": 60,
    "benefit_changed": 60,
    "interview_invitation": 60,
    "holiday_allowance": 40,
    "annual_statement": 40,
    "benefit_granted": 30,
    "eligibility_review": 30,
    "special_assistance": 30,
    "appointment_missed": 25,
    "payment_arrangement": 20,
    "termination": 20,
    "application_rejected": 15,
    "recovery": 15,
    "sanction_reduction": 10,
}


def main() -> None:
    count = int(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20261123)
    root = pathlib.Path(__file__).resolve().parent.parent
    examples = {}
    for path in sorted((root / "letter-templates" / "examples").glob("*.json")):
        event = json.loads(path.read_text(encoding="utf-8"))
        examples.setdefault(event["data"]["event_type"], []).append(event)
    types = sorted(examples)
    weights = [WEIGHTS.get(t, 8) for t in types]
    with out.open("w", encoding="utf-8") as file:
        for i in range(count):
            event_type = rng.choices(types, weights)[0]
            event = json.loads(json.dumps(rng.choice(examples[event_type])))
            event["id"] = f"bench-{i:07d}"
            event["subject"] = event["data"]["case"]["zaak_id"] = f"Z-B-{i:07d}"
            line = json.dumps(event, ensure_ascii=False)
            if rng.random() < 0.02:
                kind = rng.randrange(3)
                if kind == 0:
                    line = line[: len(line) // 2]
                elif kind == 1:
                    del event["data"]["recipient"]["surname"]
                    line = json.dumps(event, ensure_ascii=False)
                else:
                    event["data"]["event_type"] = "unknown_type"
                    line = json.dumps(event, ensure_ascii=False)
            file.write(line + "\n")


if __name__ == "__main__":
    main()
