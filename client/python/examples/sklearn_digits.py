"""scikit-learn: an SGD classifier on the bundled digits data set, logged epoch by epoch.

Needs scikit-learn (``pip install scikit-learn``); the data ships with it, nothing is
downloaded.

    python sklearn_digits.py --epochs 30 --alpha 1e-4
"""

from __future__ import annotations

import argparse

import numpy as np
from sklearn.datasets import load_digits
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import accuracy_score, log_loss
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

import tora


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--alpha", type=float, default=1e-4)
    parser.add_argument("--loss", default="log_loss", choices=["log_loss", "modified_huber"])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    digits = load_digits()
    x_train, x_test, y_train, y_test = train_test_split(
        digits.data, digits.target, test_size=0.25, random_state=args.seed, stratify=digits.target
    )
    scaler = StandardScaler().fit(x_train)
    x_train, x_test = scaler.transform(x_train), scaler.transform(x_test)
    classes = np.unique(digits.target)

    model = SGDClassifier(loss=args.loss, alpha=args.alpha, random_state=args.seed)
    with tora.Tora.create_experiment(
        "sklearn-digits-sgd",
        hyperparams={"args": args, "model": model.get_params()},  # argparse and dict, nested
        tags=["sklearn", "digits"],
        metadata={"train_size": len(y_train), "test_size": len(y_test)},
    ) as run:
        rng = np.random.default_rng(args.seed)
        for epoch in range(args.epochs):
            order = rng.permutation(len(y_train))
            model.partial_fit(x_train[order], y_train[order], classes=classes)
            metrics = {
                "train/accuracy": accuracy_score(y_train, model.predict(x_train)),
                "test/accuracy": accuracy_score(y_test, model.predict(x_test)),
            }
            if hasattr(model, "predict_proba"):
                metrics["test/log_loss"] = log_loss(y_test, model.predict_proba(x_test), labels=classes)
            run.log_metrics(metrics, step=epoch)
        print(f"test accuracy {metrics['test/accuracy']:.3f}: {run.url}")


if __name__ == "__main__":
    main()
