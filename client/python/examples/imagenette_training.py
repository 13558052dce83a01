"""PyTorch: fine-tune a ResNet-18 on Imagenette (10 ImageNet classes), logging to Tora.

Needs torch and torchvision (``pip install torch torchvision``). torchvision downloads
Imagenette (about 1.5 GB at full size, 100 MB at 160 px) into ``--data``.

    python imagenette_training.py --data ~/data --epochs 5 --batch-size 64

Shows what a real training loop logs: the loss every step (a 0-d tensor, logged as is), the
learning rate, throughput, and validation metrics every epoch; hyperparameters from a
dataclass; the run marked ``failed`` if training raises, ``killed`` on Ctrl-C.
"""

from __future__ import annotations

import argparse
import dataclasses
import time

import torch
import torchvision
from torch import nn
from torch.utils.data import DataLoader
from torchvision import transforms

import tora


@dataclasses.dataclass
class Config:
    data: str
    epochs: int = 5
    batch_size: int = 64
    lr: float = 1e-3
    weight_decay: float = 0.05
    image_size: int = 160
    workers: int = 4
    pretrained: bool = True
    amp: bool = True


def loaders(cfg: Config) -> tuple[DataLoader, DataLoader]:
    mean, std = (0.485, 0.456, 0.406), (0.229, 0.224, 0.225)
    train_tf = transforms.Compose([
        transforms.RandomResizedCrop(cfg.image_size),
        transforms.RandomHorizontalFlip(),
        transforms.ToTensor(),
        transforms.Normalize(mean, std),
    ])
    val_tf = transforms.Compose([
        transforms.Resize(int(cfg.image_size * 1.14)),
        transforms.CenterCrop(cfg.image_size),
        transforms.ToTensor(),
        transforms.Normalize(mean, std),
    ])
    size = "160px" if cfg.image_size <= 160 else "320px"
    train = torchvision.datasets.Imagenette(cfg.data, split="train", size=size, download=True, transform=train_tf)
    val = torchvision.datasets.Imagenette(cfg.data, split="val", size=size, download=False, transform=val_tf)
    return (
        DataLoader(train, cfg.batch_size, shuffle=True, num_workers=cfg.workers, pin_memory=True, drop_last=True),
        DataLoader(val, cfg.batch_size * 2, num_workers=cfg.workers, pin_memory=True),
    )


@torch.no_grad()
def evaluate(model: nn.Module, loader: DataLoader, device: torch.device) -> tuple[float, float]:
    model.eval()
    loss_sum, correct, seen = 0.0, 0, 0
    for images, labels in loader:
        images, labels = images.to(device, non_blocking=True), labels.to(device, non_blocking=True)
        logits = model(images)
        loss_sum += nn.functional.cross_entropy(logits, labels, reduction="sum").item()
        correct += (logits.argmax(1) == labels).sum().item()
        seen += labels.numel()
    model.train()
    return loss_sum / seen, correct / seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for field in dataclasses.fields(Config):
        flag = "--" + field.name.replace("_", "-")
        if field.type in ("bool", bool):
            parser.add_argument(flag, action=argparse.BooleanOptionalAction, default=field.default)
        elif field.name == "data":
            parser.add_argument(flag, required=True)
        else:
            parser.add_argument(flag, type=type(field.default), default=field.default)
    cfg = Config(**vars(parser.parse_args()))

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train_loader, val_loader = loaders(cfg)
    weights = torchvision.models.ResNet18_Weights.DEFAULT if cfg.pretrained else None
    model = torchvision.models.resnet18(weights=weights)
    model.fc = nn.Linear(model.fc.in_features, 10)
    model.to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    steps = cfg.epochs * len(train_loader)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=cfg.lr, total_steps=steps)
    scaler = torch.amp.GradScaler(enabled=cfg.amp and device.type == "cuda")

    with tora.Tora.create_experiment(
        "imagenette-resnet18",
        hyperparams=cfg,
        tags=["imagenette", "resnet18", device.type],
        metadata={"torch": torch.__version__, "torchvision": torchvision.__version__},
    ) as run:
        print(f"logging to {run.url}")
        step = 0
        for epoch in range(cfg.epochs):
            t0, images_seen = time.perf_counter(), 0
            for images, labels in train_loader:
                images, labels = images.to(device, non_blocking=True), labels.to(device, non_blocking=True)
                with torch.autocast(device.type, enabled=cfg.amp and device.type == "cuda"):
                    loss = nn.functional.cross_entropy(model(images), labels)
                optimizer.zero_grad(set_to_none=True)
                scaler.scale(loss).backward()
                scaler.step(optimizer)
                scaler.update()
                scheduler.step()
                images_seen += labels.numel()
                if step % 10 == 0:  # .item() syncs the GPU; log every few steps
                    run.log("train/loss", loss.detach(), step=step)
                    run.log("train/lr", scheduler.get_last_lr()[0], step=step)
                step += 1
            val_loss, val_acc = evaluate(model, val_loader, device)
            run.log_metrics(
                {
                    "val/loss": val_loss,
                    "val/accuracy": val_acc,
                    "train/images_per_s": images_seen / (time.perf_counter() - t0),
                },
                step=step,
            )
            print(f"epoch {epoch}: val accuracy {val_acc:.3f}")
        run.update_metadata({"best_val_accuracy": val_acc})


if __name__ == "__main__":
    main()
