import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.proxyscope.capture.CaptureEvidence;
import org.proxyscope.capture.CaptureImporter;
import org.proxyscope.core.Progress;
import org.proxyscope.core.Workspace;
import org.proxyscope.core.model.CaseId;
import org.proxyscope.core.model.NewCase;
import org.proxyscope.notes.Notes;

/**
 * The search benchmark's workspace and its queries, run by releng/bench/search.sh on the product's jars:
 * CASES cases with NOTES notes between them (made-up analyst prose with addresses, customer ids and proxy
 * words), CAPTURES of the cases each holding an imported capture, then 100 queries (words, phrases, prefixes,
 * IP addresses) through Workspace.searchEverything, printing the median and 95th percentile.
 * Usage: java -cp JARS SearchBench.java WORKSPACE CASES NOTES CAPTURES CAPTURE.pcap
 */
public final class SearchBench {

    private static final String[] WORDS = ("customer router trojan scanner socks proxy relay squid wingate mail spam blocklist"
            + " firewall port listening netstat called confirmed denied forwarded established refused unverified canary token"
            + " analyst evening morning complaint provider desk retest deadline remote administration firmware windows service")
            .split(" ");

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int cases = Integer.parseInt(args[1]);
        int notes = Integer.parseInt(args[2]);
        int captures = Integer.parseInt(args[3]);
        Path capture = Path.of(args[4]);
        Random random = new Random(42);
        List<CaseId> ids = new ArrayList<>();
        long t0 = System.nanoTime();
        try (Workspace ws = Workspace.open(folder, "bench")) {
            for (int i = 0; i < cases; i++) {
                String target = "198.51." + (i / 250) + "." + (i % 250 + 1);
                ids.add(ws.createCase(NewCase.of("Open proxy on line " + i, target, "", "KUNDE-" + (10000 + i), "high",
                        List.of(i % 3 == 0 ? "socks" : "http"))).id());
            }
            Notes store = Notes.of(ws);
            for (int i = 0; i < notes; i++) {
                CaseId id = ids.get(i % cases);
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < 40; w++) {
                    text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                    if (w % 13 == 5) {
                        text.append("10.").append(random.nextInt(256)).append('.').append(random.nextInt(256)).append('.')
                                .append(random.nextInt(256)).append(' ');
                    }
                }
                store.add(id, "Note " + i + " on " + id, text.toString(), List.of(), false);
            }
            long made = System.nanoTime();
            CaptureImporter importer = new CaptureImporter();
            for (int i = 0; i < captures; i++) {
                CaptureEvidence.keep(ws, ids.get(i * cases / Math.max(1, captures)), capture, importer, Progress.NONE);
                // the same file once per case: evidence is per case, so each import is kept
            }
            long imported = System.nanoTime();
            System.out.printf("  workspace: %d cases, %d notes (%.0f s), %d capture imports (%.0f s)%n", cases, notes,
                    (made - t0) / 1e9, captures, (imported - made) / 1e9);
            List<String> queries = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                queries.add(switch (i % 5) {
                    case 0 -> WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
                    case 1 -> "\"" + WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + "\"";
                    case 2 -> "198.51." + random.nextInt(4) + "." + (random.nextInt(250) + 1);
                    case 3 -> "10.0." + random.nextInt(40) + "." + (random.nextInt(250) + 1);
                    default -> "KUNDE-10" + random.nextInt(10) + "*";
                });
            }
            for (String q : queries.subList(0, 10)) {
                ws.searchEverything(q, Optional.empty(), 50); // warm-up
            }
            long[] times = new long[queries.size()];
            int found = 0;
            for (int i = 0; i < queries.size(); i++) {
                long s = System.nanoTime();
                found += ws.searchEverything(queries.get(i), Optional.empty(), 50).size();
                times[i] = System.nanoTime() - s;
            }
            String[] kinds = {"two words", "a phrase", "a case's address", "an address in notes", "a customer prefix"};
            for (int k = 0; k < kinds.length; k++) {
                long[] of = new long[20];
                for (int i = 0; i < 20; i++) {
                    of[i] = times[i * 5 + k];
                }
                Arrays.sort(of);
                System.out.printf("    %-22s median %5.1f ms   slowest %5.1f ms%n", kinds[k], of[9] / 1e6, of[19] / 1e6);
            }
            Arrays.sort(times);
            System.out.printf("  core API, 100 queries (20 of each kind above; 50 results at most):%n"
                    + "    median %.1f ms   95th percentile %.1f ms   slowest %.1f ms   (%d results in all)%n",
                    times[49] / 1e6, times[94] / 1e6, times[99] / 1e6, found);
        }
    }
}
