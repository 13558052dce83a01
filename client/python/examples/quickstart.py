"""The smallest use of Tora: set up a run, log points; everything is delivered at exit.

    TORA_BASE_URL=http://localhost:8080/api python quickstart.py
"""

import math

import tora

tora.setup("quickstart", hyperparams={"lr": 0.01, "epochs": 100})
for step in range(100):
    tora.log("loss", math.exp(-step / 30), step=step)
