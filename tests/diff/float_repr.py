# float repr edge cases
vals = [0.0, -0.0, 1.0, 0.1, 1 / 3, 2 / 3, 1e16, 1.5e16, 1e-5, 1e-4, 123.456, 1e100, 5e-324,
        1.7976931348623157e308, 0.30000000000000004, 100.0, 1234567890123456789.0]
for v in vals:
    print(v, repr(v), str(v), -v, v * 2)
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf > 1e308, nan == nan, nan != nan)
print(round(0.5), round(1.5), round(2.5), round(1.25, 1), round(1.35, 1), int(1e18), int(-2.9))
print(f"{1e16:.3g} {0.1:.20f} {1234.5:e} {-0.0:+.1f}")
