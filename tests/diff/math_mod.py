import math

print(math.sqrt(2.0), math.floor(2.7), math.ceil(2.1), math.pi, math.gcd(12, 18))
print(math.sin(0.5), math.exp(1.0), math.fabs(-3.0), math.isnan(0.5), math.hypot(3.0, 4.0))
