"""Runs a Python command with the clock moved by REHEARSAL_CLOCK_OFFSET seconds and ticking
(time-machine), so every process of the stage lives in the same moment of the show:
`python tests/rehearsal/clock.py -m gunicorn …` or `python tests/rehearsal/clock.py manage.py …`.

The stage's clock starts on 5 December 2024, so the demo edition load_demo makes (opening two
weeks after "today") runs 19–22 December 2024; the show is played during its run-up (docs/demo.md,
docs/rehearsal.md), when the accreditation form is open and the opening-day release is still under
embargo.
"""

import os
import runpy
import sys
import time

import time_machine

time_machine.travel(time.time() + float(os.environ.get("REHEARSAL_CLOCK_OFFSET", "0")), tick=True).start()
# As `python -m …` and `python script.py` would: the current folder or the script's first on the path.
if sys.argv[1] == "-m":
    sys.argv = sys.argv[2:]
    sys.path[0] = os.getcwd()
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
else:
    sys.argv = sys.argv[1:]
    sys.path[0] = os.path.dirname(os.path.abspath(sys.argv[0]))
    runpy.run_path(sys.argv[0], run_name="__main__")
