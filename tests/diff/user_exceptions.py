# user exception classes: raise, catch by own class and by builtin base, uncaught report
class AppError(Exception):
    pass


class ConfigError(AppError):
    """bad configuration"""


class Missing(KeyError):
    pass


def load(key: str) -> int:
    if key == "":
        raise ConfigError("empty key")
    if key == "x":
        raise Missing(key)
    return len(key)


for k in ["abc", "", "x"]:
    try:
        print(load(k))
    except ConfigError as e:
        print("config:", e)
    except LookupError as e:
        print("lookup:", repr(e))
try:
    raise AppError("plain")
except Exception as e:
    print("generic", e)
raise ConfigError("fatal: " + str(3))
