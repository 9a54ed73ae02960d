# Pins multiple-bases: a class with several bases is reported at each extra base.


class Named:
    name: str = ""


class Sized:
    size: int = 0


class Tagged:
    tag: str = ""


class File(Named, Sized):  # error: [multiple-bases]
    pass


class Archive(
    Named,
    Sized,  # error: [multiple-bases]
    Tagged,  # error: [multiple-bases]
):
    pass
