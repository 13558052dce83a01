"""A learning-rate sweep of logistic regression in plain numpy, one experiment per setting.

Every run after the first references the sweep's first run, so the UI can show them as one
family. Runs against any Tora server (``--server-url`` or ``TORA_BASE_URL``).

    python logistic_sweep.py --lrs 0.01 0.1 1.0 --epochs 50
"""

from __future__ import annotations

import argparse
import dataclasses
import sys

import numpy as np

import tora


@dataclasses.dataclass
class Config:
    lr: float
    epochs: int = 50
    batch_size: int = 64
    l2: float = 1e-3
    seed: int = 0
    samples: int = 2000
    features: int = 10


def make_data(cfg: Config) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Two overlapping Gaussian classes, split 80/20."""
    rng = np.random.default_rng(cfg.seed)
    half = cfg.samples // 2
    x = np.vstack([rng.normal(-0.5, 1.0, (half, cfg.features)), rng.normal(0.5, 1.0, (half, cfg.features))])
    y = np.concatenate([np.zeros(half), np.ones(half)])
    order = rng.permutation(len(y))
    x, y = x[order], y[order]
    cut = int(0.8 * len(y))
    return x[:cut], y[:cut], x[cut:], y[cut:]


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    eps = 1e-12
    return float(-np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)))


def train(run: tora.Tora, cfg: Config) -> float:
    x_train, y_train, x_val, y_val = make_data(cfg)
    rng = np.random.default_rng(cfg.seed + 1)
    w = np.zeros(cfg.features)
    b = 0.0
    step = 0
    for epoch in range(cfg.epochs):
        order = rng.permutation(len(y_train))
        for start in range(0, len(order), cfg.batch_size):
            idx = order[start : start + cfg.batch_size]
            p = sigmoid(x_train[idx] @ w + b)
            grad = p - y_train[idx]
            w -= cfg.lr * (x_train[idx].T @ grad / len(idx) + cfg.l2 * w)
            b -= cfg.lr * float(np.mean(grad))
            run.log("train/loss", log_loss(p, y_train[idx]), step=step)  # a numpy-computed float
            step += 1
        p_val = sigmoid(x_val @ w + b)
        accuracy = np.mean((p_val > 0.5) == y_val)  # a numpy scalar, logged as is
        run.log_metrics({"val/loss": log_loss(p_val, y_val), "val/accuracy": accuracy}, step=epoch)
    return float(accuracy)


def main(argv: list[str] | None = None) -> list[str]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lrs", type=float, nargs="+", default=[0.01, 0.1, 1.0])
    parser.add_argument("--epochs", type=int, default=50)
    parser.add_argument("--server-url", default=None)
    args = parser.parse_args(argv)

    ids: list[str] = []
    for lr in args.lrs:
        cfg = Config(lr=lr, epochs=args.epochs)
        with tora.Tora.create_experiment(
            f"logistic-lr-{lr:g}",
            description="Logistic regression on two Gaussian blobs, learning-rate sweep",
            hyperparams=cfg,
            tags=["sweep", "logistic-regression"],
            references=ids[:1],  # every run points at the sweep's first run
            server_url=args.server_url,
        ) as run:
            accuracy = train(run, cfg)
            run.update_metadata({"final_val_accuracy": accuracy})
        ids.append(run.experiment_id)
        print(f"lr={lr:g}: val accuracy {accuracy:.3f}  {run.url}")
    return ids


if __name__ == "__main__":
    main(sys.argv[1:])
