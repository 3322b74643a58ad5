"""The example notebooks run top to bottom on a real Jupyter kernel, offline.

Each notebook is stored without outputs; here it is executed with nbclient in a fresh kernel
whose working directory is ``notebooks/``. A failing cell fails the test with its traceback.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def test_there_are_at_least_three_notebooks_stored_without_outputs() -> None:
    assert len(NOTEBOOKS) >= 3
    for path in NOTEBOOKS:
        book = nbformat.read(path, as_version=4)
        nbformat.validate(book)
        assert all(not cell.get("outputs") and cell.get("execution_count") is None
                   for cell in book.cells if cell.cell_type == "code"), f"{path.name} has stored outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_on_a_real_kernel(path: Path, need) -> None:  # type: ignore[no-untyped-def]
    from jupyter_client.kernelspec import KernelSpecManager
    from nbclient import NotebookClient

    need("python3" in KernelSpecManager().find_kernel_specs(), "no python3 Jupyter kernel (pip install ipykernel)")
    book = nbformat.read(path, as_version=4)
    client = NotebookClient(book, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    shown = [output for cell in book.cells if cell.cell_type == "code" for output in cell.get("outputs", [])]
    errors = [o for o in shown if o.get("output_type") == "error"]
    assert errors == []
    html_outputs = [o["data"]["text/html"] for o in shown if "text/html" in o.get("data", {})]
    assert html_outputs, "the notebook should display a map, a timeline or a report"
