"""A small warehouse inventory: items, stock movements and a restock report.

Shows classes with typed fields, dict and list processing, custom exception
classes raised and caught with try/except/else/finally, Optional lookups and
f-strings with format specifications.
"""

from __future__ import annotations

from typing import Optional


class InventoryError(Exception):
    pass


class UnknownItemError(InventoryError):
    def __init__(self, sku: str) -> None:
        super().__init__(f"unknown item {sku}")
        self.sku = sku


class OutOfStockError(InventoryError):
    def __init__(self, sku: str, wanted: int, available: int) -> None:
        super().__init__(f"cannot take {wanted} of {sku}: only {available} left")
        self.sku = sku
        self.wanted = wanted
        self.available = available


class Item:
    sku: str
    name: str
    price: float
    quantity: int
    reorder_level: int

    def __init__(self, sku: str, name: str, price: float, quantity: int, reorder_level: int = 5) -> None:
        self.sku = sku
        self.name = name
        self.price = price
        self.quantity = quantity
        self.reorder_level = reorder_level

    def value(self) -> float:
        return self.price * self.quantity

    def needs_restock(self) -> bool:
        return self.quantity <= self.reorder_level


class Inventory:
    def __init__(self) -> None:
        self.items: dict[str, Item] = {}
        self.log: list[str] = []

    def add(self, item: Item) -> None:
        if item.sku in self.items:
            raise InventoryError(f"duplicate sku {item.sku}")
        self.items[item.sku] = item

    def find(self, sku: str) -> Optional[Item]:
        return self.items.get(sku)

    def get(self, sku: str) -> Item:
        item = self.find(sku)
        if item is None:
            raise UnknownItemError(sku)
        return item

    def take(self, sku: str, count: int) -> float:
        item = self.get(sku)
        if count > item.quantity:
            raise OutOfStockError(sku, count, item.quantity)
        item.quantity -= count
        self.log.append(f"take {count:>3} x {sku}")
        return count * item.price

    def restock(self, sku: str, count: int) -> None:
        item = self.get(sku)
        item.quantity += count
        self.log.append(f"add  {count:>3} x {sku}")

    def total_value(self) -> float:
        return sum([item.value() for item in self.items.values()], 0.0)

    def low_stock(self) -> list[Item]:
        low = [item for item in self.items.values() if item.needs_restock()]
        return sorted(low, key=lambda item: (item.quantity, item.sku))


def process_orders(inventory: Inventory, orders: list[tuple[str, int]]) -> tuple[float, int]:
    revenue = 0.0
    failures = 0
    for sku, count in orders:
        try:
            amount = inventory.take(sku, count)
        except OutOfStockError as err:
            failures += 1
            print(f"  rejected: {err} (short by {err.wanted - err.available})")
        except UnknownItemError as err:
            failures += 1
            print(f"  rejected: {err}")
        else:
            revenue += amount
            print(f"  shipped {count} x {sku} for {amount:8.2f}")
        finally:
            inventory.log.append(f"order {sku}")
    return revenue, failures


def category_totals(inventory: Inventory) -> dict[str, int]:
    totals: dict[str, int] = {}
    for sku, item in inventory.items.items():
        category = sku.split("-")[0]
        totals[category] = totals.get(category, 0) + item.quantity
    return totals


def main() -> None:
    inventory = Inventory()
    inventory.add(Item("TOOL-001", "hammer", 12.5, 20))
    inventory.add(Item("TOOL-002", "screwdriver", 4.25, 8))
    inventory.add(Item("PART-100", "bolt M6", 0.15, 500, reorder_level=100))
    inventory.add(Item("PART-101", "nut M6", 0.05, 120, reorder_level=100))
    inventory.add(Item("PAINT-7", "white paint 1l", 9.99, 3, reorder_level=2))
    try:
        inventory.add(Item("TOOL-001", "another hammer", 1.0, 1))
    except InventoryError as err:
        print(f"setup: {err}")

    print(f"stock value: {inventory.total_value():.2f}")
    orders = [("TOOL-001", 5), ("PART-100", 450), ("TOOL-002", 9), ("GLUE-1", 1), ("PAINT-7", 2)]
    print("orders:")
    revenue, failures = process_orders(inventory, orders)
    print(f"revenue {revenue:.2f}, {failures} failed of {len(orders)}")

    inventory.restock("TOOL-002", 10)
    print("low stock:")
    for item in inventory.low_stock():
        print(f"  {item.sku:<9} {item.name:<15} qty={item.quantity:>4} (reorder at {item.reorder_level})")

    print("per category:")
    for category, quantity in sorted(category_totals(inventory).items()):
        print(f"  {category:<6}{quantity:>6}")

    print(f"log has {len(inventory.log)} entries; last: {inventory.log[-1]}")


if __name__ == "__main__":
    main()
