import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.proxyscope.core.Workspace;
import org.proxyscope.core.WorkspaceLocation;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.CaseStatus;
import org.proxyscope.core.model.CustodyAction;
import org.proxyscope.core.model.NewCase;

/**
 * The team benchmark, run by releng/bench/team.sh on the product's jars. ANALYSTS processes (one analyst each,
 * each on a case of their own, as a desk works) do ACTIONS actions each as fast as the workspace takes them: a
 * custody entry, and every tenth a status change (Investigating and Customer notified in turn). This process is the colleague whose workbench
 * is open on the same workspace: it follows the others' changes (Workspace.watchOthers, which drives every view)
 * and times each from the moment its action began to the moment it was told.
 * Usage: java -Dteambench.source=THIS_FILE -cp JARS TeamBench.java WORKSPACE ANALYSTS ACTIONS
 *        java -cp JARS TeamBench.java --analyst WORKSPACE CASE ACTIONS   (one analyst; prints "CASE START END" per action,
 *        in microseconds since the epoch)
 */
public final class TeamBench {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--analyst")) {
            analyst(args[1], CaseId.parse(args[2]), Integer.parseInt(args[3]));
            return;
        }
        String location = args[0];
        int analysts = Integer.parseInt(args[1]);
        int actions = Integer.parseInt(args[2]);
        try (Workspace ws = Workspace.open(WorkspaceLocation.parse(location), "colleague", null)) {
            List<CaseId> cases = new ArrayList<>();
            for (int a = 1; a <= analysts; a++) {
                cases.add(ws.createCase(NewCase.of("Desk case " + a, "192.0.2." + a, "", "", "", List.of())).id());
            }
            Map<CaseId, ConcurrentLinkedQueue<Long>> told = new ConcurrentHashMap<>();
            cases.forEach(id -> told.put(id, new ConcurrentLinkedQueue<>()));
            ws.watchOthers(id -> {
                long now = micros();
                told.computeIfAbsent(id, x -> new ConcurrentLinkedQueue<>()).add(now);
            });
            Thread.sleep(300); // the watch is listening
            List<Process> running = new ArrayList<>();
            String java = ProcessHandle.current().info().command().orElse("java");
            String classPath = System.getProperty("java.class.path");
            String source = System.getProperty("teambench.source");
            long t0 = System.nanoTime();
            for (CaseId id : cases) {
                running.add(new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", classPath, source, "--analyst",
                        location, id.toString(), Integer.toString(actions)).redirectError(ProcessBuilder.Redirect.INHERIT).start());
            }
            Map<CaseId, List<long[]>> done = new HashMap<>(); // each action's start and the end of its commit
            for (Process p : running) {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        String[] f = line.split(" ");
                        done.computeIfAbsent(CaseId.parse(f[0]), x -> new ArrayList<>()).add(new long[] { Long.parseLong(f[1]),
                                Long.parseLong(f[2]) });
                    }
                }
                if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("an analyst's process failed");
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Thread.sleep(2000); // the last notifications arrive
            List<Long> latencies = new ArrayList<>();
            int missing = 0;
            for (CaseId id : cases) {
                List<long[]> actionsOf = done.getOrDefault(id, List.of());
                List<Long> arrivals = new ArrayList<>(told.get(id));
                boolean oneEach = arrivals.size() == actionsOf.size();
                for (int i = 0; i < actionsOf.size(); i++) {
                    long start = actionsOf.get(i)[0];
                    long committed = actionsOf.get(i)[1];
                    // a server tells each commit once, in order; the local watch tells a case once per read of the
                    // data version, for all its changes since: there the first telling after the commit counts
                    long arrival = oneEach ? arrivals.get(i)
                            : arrivals.stream().filter(a -> a >= committed).findFirst().orElse(Long.MIN_VALUE);
                    if (arrival == Long.MIN_VALUE) {
                        missing++;
                    } else {
                        latencies.add(Math.max(0, arrival - start));
                    }
                }
            }
            latencies.sort(null);
            int total = done.values().stream().mapToInt(List::size).sum();
            System.out.printf("  %d analysts, %d actions each: %d actions in %.2f s, %.0f actions/s%n", analysts, actions, total, seconds,
                    total / seconds);
            System.out.printf("  from an action's start to the colleague's workbench being told: median %.1f ms, 95th percentile %.1f ms,"
                    + " slowest %.1f ms%s%n", at(latencies, 0.5), at(latencies, 0.95), at(latencies, 1.0),
                    missing == 0 ? "" : " (" + missing + " never told)");
        }
    }

    private static void analyst(String location, CaseId id, int actions) throws Exception {
        try (Workspace ws = Workspace.open(WorkspaceLocation.parse(location), "analyst-" + id.number(), null)) {
            for (int i = 1; i <= actions; i++) {
                long start = micros();
                if (i % 10 == 0) {
                    ws.changeStatus(id, i % 20 == 0 ? CaseStatus.CUSTOMER_NOTIFIED : CaseStatus.INVESTIGATING, "bench step " + i);
                } else {
                    ws.record(id, CustodyAction.PROBE_RUN, "bench step " + i);
                }
                System.out.println(id + " " + start + " " + micros());
            }
        }
    }

    private static long micros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private static double at(List<Long> sorted, double fraction) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(fraction * sorted.size()) - 1)) / 1000.0;
    }
}
