# Pins reflective-access: `setattr` or `delattr` on an instance, even with a
# constant name, and any use of an instance's `__dict__` are reported at the
# call or at the `__dict__` expression.


class Settings:
    def __init__(self) -> None:
        self.debug = False
        self.level = 1


s = Settings()
setattr(s, "debug", True)  # warning: [reflective-access]
delattr(s, "level")  # warning: [reflective-access]
print(s.__dict__)  # warning: [reflective-access]
s.debug = True
