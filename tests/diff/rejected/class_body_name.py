# A class attribute computed from an earlier one (`B = A + 1`): class-body
# names are not compiled yet; refused (this used to crash the compiler).
class C:
    A = 1
    B = A + 1


print(C.B)
