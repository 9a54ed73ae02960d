# The two set-up commands: `make demo` and `make test` (see README.md).
BUILD ?= build
CMAKE_FLAGS ?=
JOBS ?= $(shell nproc)

.PHONY: all deps configure build demo test clean

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 $(CMAKE_FLAGS)

configure: $(BUILD)/build.ninja

build: deps configure
	cmake --build $(BUILD) -j $(JOBS)

# The main job: check the bundled example programs, show a struct layout,
# ask the doctor what each function and class needs, then compile one
# example natively and to wasm32-wasi and run both.
demo: build
	$(BUILD)/cli/molt check examples/
	$(BUILD)/cli/molt check --emit=layout examples/nbody.py
	$(BUILD)/cli/molt doctor examples/
	$(BUILD)/cli/molt run examples/graph.py
	$(BUILD)/cli/molt run --target wasm examples/graph.py

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD)
