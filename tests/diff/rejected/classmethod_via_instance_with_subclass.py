# Through an instance, a class method's `cls` is the instance's runtime class;
# with subclasses around it is not known statically. Refused.
class A:
    kind: str = "A"

    @classmethod
    def name(cls) -> str:
        return cls.kind


class B(A):
    kind: str = "B"


print(B().name())
