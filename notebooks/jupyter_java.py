#!/usr/bin/python3
"""The notebooks' Java kernel: writes its kernelspec, and executes notebooks headless.

  jupyter_java.py kernelspec   writes target/jupyter/kernels/atelier-java/kernel.json (git-ignored,
                               absolute paths): the rapaio JShell kernel, with the project's jars
                               and their dependencies on its class path
  jupyter_java.py execute      runs every notebook top to bottom into target/executed/ (or back into
                               the notebook with --in-place) and exits 1 if a cell fails

Run with the system Python (/usr/bin/python3), which has Debian's jupyter_client and nbclient.
Both commands read notebooks/target/classpath.txt and target/kernel/, which the Maven build of
this module writes (setup.sh and execute.sh build first).
"""
import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGET = HERE / "target"
JUPYTER_DIR = TARGET / "jupyter"
KERNEL_NAME = "atelier-java"
KERNEL_JAR = TARGET / "kernel" / "rapaio-jupyter-kernel.jar"
CLASSPATH_FILE = TARGET / "classpath.txt"


def kernelspec(java: str, heap: str, threads: int) -> Path:
    """Writes the kernelspec and returns its folder."""
    for needed in (KERNEL_JAR, CLASSPATH_FILE):
        if not needed.is_file():
            sys.exit(f"jupyter_java: {needed} is missing; build first (mvn -B -q -pl notebooks -am package -DskipTests)")
    entries = [e for e in CLASSPATH_FILE.read_text().strip().split(os.pathsep) if e]
    argv = [
        java, f"-Xmx{heap}",
        # ND4J's off-heap memory is bounded apart from the heap (the bounds the tests run under).
        "-Dorg.bytedeco.javacpp.maxbytes=3g", "-Dorg.bytedeco.javacpp.maxphysicalbytes=6g",
        f"-Dorg.bytedeco.javacpp.cachedir={ROOT / 'target' / 'javacpp-cache'}",
        "-Djava.awt.headless=true", f"-Datelier.home={ROOT}",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", str(KERNEL_JAR), "org.rapaio.jupyter.kernel.MainApp", "{connection_file}",
    ]
    spec = {
        "argv": argv,
        "display_name": "Java (Atelier)",
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            # The kernel separates class path entries with ';'.
            "RJK_CLASSPATH": ";".join(entries),
            "RJK_COMPILER_OPTIONS": "",
            "RJK_INIT_SCRIPT": "",
            # -1: no time limit on a cell (training cells take minutes).
            "RJK_TIMEOUT_MILLIS": "-1",
            "RJK_MIMA_CACHE": str(TARGET / "kernel" / "mima-cache"),
            # One OpenMP thread is faster than two when the CPU is shared (docs/training.md).
            "OMP_NUM_THREADS": str(threads),
        },
    }
    folder = JUPYTER_DIR / "kernels" / KERNEL_NAME
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / "kernel.json.tmp"
    tmp.write_text(json.dumps(spec, indent=2) + "\n")
    tmp.replace(folder / "kernel.json")
    return folder


def default_java() -> str:
    home = os.environ.get("JAVA_HOME")
    found = Path(home) / "bin" / "java" if home else shutil.which("java")
    return str(Path(found).resolve()) if found else ""


def notebooks(names):
    if names:
        return [Path(n).resolve() for n in names]
    return sorted(p for p in HERE.glob("*.ipynb"))


# What the kernel writes to its log when its start-up race has killed the thread that answers requests.
DEAD_SHELL = 'Exception in thread "Shell-0"'


def start_kernel(client, startup_timeout: int, tries: int, name: str, log_path: Path, log):
    """Starts the client's kernel, retrying when it never answers kernel_info.

    About one start in ten of this kernel (more on a busy machine) loses a start-up race: a request
    that arrives before its handlers are set kills the thread that answers, and the kernel stays
    silent for ever. Such a start is killed and tried again: as soon as its log shows the dead
    thread, or after startup_timeout seconds of silence.
    """
    from nbclient.util import run_sync

    for attempt in range(1, tries + 1):
        offset = log_path.stat().st_size
        client.km = client.create_kernel_manager()
        client.start_new_kernel(cwd=str(HERE), stdout=log, stderr=log)
        kc = client.km.client()  # nbclient's kernel managers are asynchronous, hence run_sync below
        kc.start_channels()
        deadline = time.monotonic() + startup_timeout
        why = f"no answer in {startup_timeout} s"
        while time.monotonic() < deadline:
            try:
                run_sync(kc.wait_for_ready)(timeout=3)
                kc.allow_stdin = False
                client.kc = kc
                return
            except RuntimeError:
                log.flush()
                with open(log_path, errors="replace") as f:
                    f.seek(offset)
                    if DEAD_SHELL in f.read():
                        why = "its shell thread died at start-up"
                        break
        print(f"  {name}: kernel start {attempt}/{tries} failed ({why}); starting another",
              file=sys.stderr, flush=True)
        kc.stop_channels()
        run_sync(client.km.shutdown_kernel)(now=True)
        client.km = None
        client.kc = None
    raise RuntimeError(f"{name}: the kernel did not start in {tries} tries")


def merge_streams(nb) -> None:
    """Joins each cell's consecutive stdout (or stderr) pieces into one output, as the browser
    shows them: the kernel sends every print separately, and a code host draws each piece as
    its own block."""
    for cell in nb.cells:
        merged = []
        for out in cell.get("outputs", []):
            if (out.output_type == "stream" and merged and merged[-1].output_type == "stream"
                    and merged[-1].name == out.name):
                merged[-1].text += out.text
            else:
                merged.append(out)
        if "outputs" in cell:
            cell.outputs = merged


def execute(names, out_dir: Path, in_place: bool, startup_timeout: int, tries: int, cell_timeout: int) -> int:
    os.environ["JUPYTER_PATH"] = str(JUPYTER_DIR)
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    if not (JUPYTER_DIR / "kernels" / KERNEL_NAME / "kernel.json").is_file():
        sys.exit("jupyter_java: no kernelspec; run 'jupyter_java.py kernelspec' first")
    failed = []
    total = time.monotonic()
    for path in notebooks(names):
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=cell_timeout,
                                startup_timeout=startup_timeout, resources={"metadata": {"path": str(HERE)}})
        start = time.monotonic()
        out_dir.mkdir(parents=True, exist_ok=True)
        log_file = out_dir / (path.stem + ".kernel.log")
        try:
            with open(log_file, "w") as log:
                start_kernel(client, startup_timeout, tries, path.name, log_file, log)
                client.execute()
            status = "ok"
        except CellExecutionError as e:
            status = "FAILED"
            failed.append(path.name)
            print(str(e), file=sys.stderr)
        except RuntimeError as e:
            status = "FAILED"
            failed.append(path.name)
            print(str(e), file=sys.stderr)
        seconds = time.monotonic() - start
        merge_streams(nb)
        target = path if in_place else out_dir / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".ipynb.tmp")
        nbformat.write(nb, tmp)
        tmp.replace(target)
        print(f"{path.name}: {status} in {seconds:.0f} s -> {target} (kernel log: {log_file})", flush=True)
    print(f"{len(notebooks(names)) - len(failed)} notebook(s) ran, {len(failed)} failed"
          f"{' (' + ', '.join(failed) + ')' if failed else ''}; {time.monotonic() - total:.0f} s")
    return 1 if failed else 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    k = sub.add_parser("kernelspec", help="write the kernelspec")
    k.add_argument("--java", default=default_java(), help="the JDK 17+ java to start (default: $JAVA_HOME/bin/java, "
                   "else the java on PATH, links resolved)")
    k.add_argument("--heap", default="2g", help="the kernel's -Xmx (default 2g)")
    k.add_argument("--threads", type=int, default=int(os.environ.get("OMP_NUM_THREADS", "1")),
                   help="OpenMP threads of the kernel's ND4J (default: $OMP_NUM_THREADS, else 1)")
    e = sub.add_parser("execute", help="execute notebooks headless")
    e.add_argument("notebooks", nargs="*", help="notebooks to run (default: every notebooks/*.ipynb)")
    e.add_argument("--out", type=Path, default=TARGET / "executed", help="folder for the executed copies")
    e.add_argument("--in-place", action="store_true", help="write the outputs back into the notebooks")
    e.add_argument("--startup-timeout", type=int, default=60,
                   help="seconds a silent kernel start is given before another is tried (default 60)")
    e.add_argument("--tries", type=int, default=10, help="kernel starts per notebook (default 10)")
    e.add_argument("--cell-timeout", type=int, default=1200, help="seconds one cell may take (default 1200)")
    a = p.parse_args()
    if a.command == "kernelspec":
        java = Path(a.java)
        if not java.is_absolute() or not os.access(java, os.X_OK):
            sys.exit(f"jupyter_java: --java must be an absolute path to a java executable, got {a.java}")
        print(f"kernelspec -> {kernelspec(str(java), a.heap, a.threads)}")
        return 0
    return execute(a.notebooks, a.out, a.in_place, a.startup_timeout, a.tries, a.cell_timeout)


if __name__ == "__main__":
    sys.exit(main())
