package org.proxyscope.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.proxyscope.core.model.AddressText;

/**
 * The filter line of the Flows view: {@code port 1080 and socks}, {@code host 192.0.2.7 and not http},
 * {@code (smtp or proxy) and tcp}. Words: {@code port N}, {@code host ADDR}, {@code flow N}, {@code tcp},
 * {@code udp}, {@code proxy}, {@code socks} and every service word (http, http-connect, http-forward,
 * socks4, socks5, wingate, smtp, tls); joined by {@code and}, {@code or}, {@code not} and parentheses.
 */
public final class FlowFilter {

    private final List<String> tokens;
    private int next;

    private FlowFilter(String text) {
        tokens = new ArrayList<>();
        for (String t : text.replace("(", " ( ").replace(")", " ) ").strip().split("\\s+")) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
    }

    /**
     * @throws IllegalArgumentException naming the word that does not fit
     */
    public static Predicate<Flow> parse(String text) {
        FlowFilter parser = new FlowFilter(text == null ? "" : text);
        if (parser.tokens.isEmpty()) {
            return f -> true;
        }
        Predicate<Flow> p = parser.or();
        if (parser.next < parser.tokens.size()) {
            throw new IllegalArgumentException("Unexpected \"" + parser.tokens.get(parser.next) + "\" in the filter");
        }
        return p;
    }

    private Predicate<Flow> or() {
        Predicate<Flow> p = and();
        while (accept("or")) {
            p = p.or(and());
        }
        return p;
    }

    private Predicate<Flow> and() {
        Predicate<Flow> p = not();
        while (accept("and")) {
            p = p.and(not());
        }
        return p;
    }

    private Predicate<Flow> not() {
        return accept("not") ? not().negate() : term();
    }

    private Predicate<Flow> term() {
        if (next >= tokens.size()) {
            throw new IllegalArgumentException("The filter ends where a condition should follow");
        }
        String word = tokens.get(next++).toLowerCase(Locale.ROOT);
        switch (word) {
            case "(" -> {
                Predicate<Flow> inner = or();
                if (!accept(")")) {
                    throw new IllegalArgumentException("A \"(\" in the filter is never closed");
                }
                return inner;
            }
            case "port" -> {
                int port = number("port");
                return f -> f.client().port() == port || f.server().port() == port;
            }
            case "flow" -> {
                int number = number("flow");
                return f -> f.number() == number;
            }
            case "host" -> {
                String host = value("host").replace("[", "").replace("]", "");
                // parsed once, not per flow; a flow's host text is this address written out, so comparing
                // addresses covers every way of typing it, and text that names no address matches no flow
                java.net.InetAddress address = AddressText.literal(host).orElse(null);
                return f -> f.client().address().equals(address) || f.server().address().equals(address);
            }
            case "tcp" -> {
                return f -> f.transport() == Flow.Transport.TCP;
            }
            case "udp" -> {
                return f -> f.transport() == Flow.Transport.UDP;
            }
            case "proxy" -> {
                return f -> f.service().proxy();
            }
            case "socks" -> {
                return f -> f.service() == Service.SOCKS4 || f.service() == Service.SOCKS5;
            }
            default -> {
                for (Service s : Service.values()) {
                    if (s != Service.UNKNOWN && s.word().equals(word)) {
                        return f -> f.service() == s;
                    }
                }
                throw new IllegalArgumentException("Unknown word \"" + word + "\" in the filter; use port N, host ADDR, flow N, "
                        + "tcp, udp, proxy, socks, http, http-connect, http-forward, socks4, socks5, wingate, smtp, tls, and, or, not");
            }
        }
    }

    private boolean accept(String word) {
        if (next < tokens.size() && tokens.get(next).equalsIgnoreCase(word)) {
            next++;
            return true;
        }
        return false;
    }

    private String value(String after) {
        if (next >= tokens.size()) {
            throw new IllegalArgumentException("\"" + after + "\" needs a value");
        }
        return tokens.get(next++);
    }

    private int number(String after) {
        String v = value(after);
        if (!v.matches("\\d{1,6}")) {
            throw new IllegalArgumentException("\"" + after + "\" needs a number, not \"" + v + "\"");
        }
        return Integer.parseInt(v);
    }
}
