/**
 * Maximum-weight bipartite assignment with capacities, on a sparse graph: each row (referral) takes
 * at most one column (mentor), each column at most `capacities[col]` rows. Among the plans with
 * the highest total weight it assigns as many rows as possible.
 *
 * Algorithm: min-cost flow by successive shortest paths, one row at a time (as in the
 * Jonker–Volgenant shortest augmenting path), Dijkstra on reduced costs with node potentials and
 * early exit at the sink. A row may always "skip" (go unassigned at cost 0), so adding a row never
 * forces a worse plan. Weights are integers (callers scale scores) so every sum is exact.
 */

export interface AssignmentEdge {
  row: number;
  col: number;
  /** A non-negative integer. */
  weight: number;
}

export interface AssignmentProblem {
  rows: number;
  /** Free places of each column; its length is the number of columns. */
  capacities: readonly number[];
  edges: readonly AssignmentEdge[];
}

export interface AssignmentSolution {
  /** The column of each row, or -1 when the row is unassigned. */
  colOfRow: Int32Array;
  /** The weight of each row's edge (0 when unassigned). */
  weightOfRow: Float64Array;
  total: number;
  assigned: number;
  /**
   * Per row, the heaviest weight a pair missing from the problem may have without the plan
   * possibly improving if it were added (the row's dual value; -1 or less: any pair might).
   * Only from solveAssignment.
   */
  headroom?: Float64Array;
}

/** Row-major adjacency (CSR) built once per problem. */
interface Adjacency {
  start: Int32Array;
  col: Int32Array;
  weight: Float64Array;
}

function adjacency(problem: AssignmentProblem): Adjacency {
  const start = new Int32Array(problem.rows + 1);
  for (const edge of problem.edges) start[edge.row + 1]++;
  for (let row = 0; row < problem.rows; row++) start[row + 1] += start[row];
  const fill = start.slice(0, problem.rows);
  const col = new Int32Array(problem.edges.length);
  const weight = new Float64Array(problem.edges.length);
  for (const edge of problem.edges) {
    if (!(edge.weight >= 0) || !Number.isInteger(edge.weight)) {
      throw new RangeError(`Edge weights must be non-negative integers (got ${edge.weight})`);
    }
    const at = fill[edge.row]++;
    col[at] = edge.col;
    weight[at] = edge.weight;
  }
  return { start, col, weight };
}

/** A binary min-heap of (key, node) with lazy deletion: stale entries are skipped on pop. */
class MinHeap {
  private keys = new Float64Array(1024);
  private nodes = new Int32Array(1024);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const nodes = new Int32Array(this.size * 2);
      nodes.set(this.nodes);
      this.nodes = nodes;
    }
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.keys[at] = this.keys[parent];
      this.nodes[at] = this.nodes[parent];
      at = parent;
    }
    this.keys[at] = key;
    this.nodes[at] = node;
  }

  /** Removes the minimum; read it first with topKey/topNode. */
  pop(): void {
    const last = --this.size;
    const key = this.keys[last];
    const node = this.nodes[last];
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= last) break;
      if (child + 1 < last && this.keys[child + 1] < this.keys[child]) child++;
      if (this.keys[child] >= key) break;
      this.keys[at] = this.keys[child];
      this.nodes[at] = this.nodes[child];
      at = child;
    }
    this.keys[at] = key;
    this.nodes[at] = node;
  }

  topKey(): number {
    return this.keys[0];
  }

  topNode(): number {
    return this.nodes[0];
  }
}

/**
 * The optimal plan. Costs are −(weight × (rows + 1) + 1): maximising the total weight first, then
 * (since at most `rows` ones are added) the number of rows assigned.
 */
export function solveAssignment(problem: AssignmentProblem): AssignmentSolution {
  const rows = problem.rows;
  const cols = problem.capacities.length;
  const adj = adjacency(problem);
  const scale = rows + 1;
  // Nodes: rows 0..rows-1, columns rows..rows+cols-1, the sink last.
  const sink = rows + cols;
  const nodes = sink + 1;
  const potential = new Float64Array(nodes);
  const dist = new Float64Array(nodes);
  const seen = new Int32Array(nodes).fill(-1);
  const done = new Int32Array(nodes).fill(-1);
  const prev = new Int32Array(nodes);
  /** The edge a column was reached by (its weight, when the column is taken). */
  const prevEdge = new Int32Array(nodes);
  const popped = new Int32Array(nodes);
  const colOfRow = new Int32Array(rows).fill(-1);
  const weightOfRow = new Float64Array(rows);
  const rowsOfCol: number[][] = Array.from({ length: cols }, () => []);
  const heap = new MinHeap();

  const relax = (node: number, key: number, from: number, round: number, edge = -1) => {
    if (seen[node] !== round || key < dist[node]) {
      seen[node] = round;
      dist[node] = key;
      prev[node] = from;
      prevEdge[node] = edge;
      heap.push(key, node);
    }
  };

  for (let row0 = 0; row0 < rows; row0++) {
    // A new row gets a potential that makes its outgoing reduced costs non-negative.
    let start = potential[sink];
    for (let e = adj.start[row0]; e < adj.start[row0 + 1]; e++) {
      start = Math.max(start, potential[rows + adj.col[e]] + adj.weight[e] * scale + 1);
    }
    potential[row0] = start;

    heap.clear();
    let poppedCount = 0;
    relax(row0, 0, -1, row0);
    while (heap.size > 0) {
      const key = heap.topKey();
      const node = heap.topNode();
      heap.pop();
      if (done[node] === row0 || key > dist[node]) continue;
      done[node] = row0;
      popped[poppedCount++] = node;
      if (node === sink) break;
      if (node < rows) {
        // A row: to any column but its own (forward arcs), or skip to the sink.
        const own = colOfRow[node];
        for (let e = adj.start[node]; e < adj.start[node + 1]; e++) {
          const col = adj.col[e];
          if (col === own) continue;
          const target = rows + col;
          const reduced = -(adj.weight[e] * scale + 1) + potential[node] - potential[target];
          relax(target, key + reduced, node, row0, e);
        }
        if (own !== -1 || node === row0) {
          relax(sink, key + potential[node] - potential[sink], node, row0);
        }
      } else {
        // A column: to the sink if it has room, or back to a row it holds (that row moves on).
        const col = node - rows;
        const held = rowsOfCol[col];
        if (held.length < problem.capacities[col]) {
          relax(sink, key + potential[node] - potential[sink], node, row0);
        }
        for (const row of held) {
          const reduced = weightOfRow[row] * scale + 1 + potential[node] - potential[row];
          relax(row, key + reduced, node, row0);
        }
      }
    }

    // Potentials: every node settled before the sink moves by its distance minus the sink's.
    const total = dist[sink];
    for (let i = 0; i < poppedCount; i++) {
      const node = popped[i];
      potential[node] += dist[node] - total;
    }

    // Augment along the path sink ← … ← row0.
    let node = sink;
    while (node !== row0) {
      const from = prev[node];
      if (from < rows && node >= rows && node !== sink) {
        // Row `from` takes column `node`.
        const col = node - rows;
        colOfRow[from] = col;
        weightOfRow[from] = adj.weight[prevEdge[node]];
        rowsOfCol[col].push(from);
      } else if (from >= rows && node < rows) {
        // Column `from` lets go of row `node` (which took its next column above).
        const held = rowsOfCol[from - rows];
        held.splice(held.indexOf(node), 1);
      } else if (from < rows && node === sink) {
        // Row `from` goes unassigned (it may have held a column it is released from below).
        colOfRow[from] = -1;
        weightOfRow[from] = 0;
      }
      node = from;
    }
  }

  let total = 0;
  let assigned = 0;
  for (let row = 0; row < rows; row++) {
    if (colOfRow[row] !== -1) {
      total += weightOfRow[row];
      assigned++;
    }
  }
  // A new arc row→col (cost −(w·scale+1)) keeps every reduced cost non-negative, hence the plan
  // optimal, when w·scale + 1 ≤ potential[row] − potential[col]. A column that holds rows has
  // potential ≤ the sink's, and a new column (or one with room) can take the sink's: so
  // potential[row] − potential[sink] bounds what any missing pair may weigh.
  const headroom = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    headroom[row] = Math.floor((potential[row] - potential[sink] - 1) / scale);
  }
  return { colOfRow, weightOfRow, total, assigned, headroom };
}

/** The greedy plan for comparison: the heaviest edges first (ties by row, then column). */
export function greedyAssignment(problem: AssignmentProblem): AssignmentSolution {
  const order = [...problem.edges].sort(
    (a, b) => b.weight - a.weight || a.row - b.row || a.col - b.col,
  );
  const colOfRow = new Int32Array(problem.rows).fill(-1);
  const weightOfRow = new Float64Array(problem.rows);
  const load = new Int32Array(problem.capacities.length);
  let total = 0;
  let assigned = 0;
  for (const edge of order) {
    if (colOfRow[edge.row] !== -1 || load[edge.col] >= problem.capacities[edge.col]) continue;
    colOfRow[edge.row] = edge.col;
    weightOfRow[edge.row] = edge.weight;
    load[edge.col]++;
    total += edge.weight;
    assigned++;
  }
  return { colOfRow, weightOfRow, total, assigned };
}
