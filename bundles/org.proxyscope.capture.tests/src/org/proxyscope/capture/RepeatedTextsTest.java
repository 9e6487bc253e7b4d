package org.proxyscope.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Texts read from a capture's bytes come out as Java would make them, each distinct one made once. */
class RepeatedTextsTest {

    private static Bytes bytes(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        return Bytes.of(b, b.length);
    }

    @Test
    void theSameTextInTwoFlowsIsOneString() {
        RepeatedTexts texts = new RepeatedTexts();
        Bytes one = bytes("xx220 mx.example.test ESMTP caf\u00e9");
        Bytes two = bytes("220 mx.example.test ESMTP caf\u00e9\r\n");
        String first = texts.ascii(one, 2, one.length());
        assertEquals("220 mx.example.test ESMTP caf\u00e9", first);
        assertSame(first, texts.ascii(two, 0, two.length() - 2));
        assertEquals("", texts.ascii(one, 3, 3));
        assertEquals("", texts.ascii(one, 3, 1), "nothing when the end comes first, as Bytes.ascii gives");
    }

    /** Stripped as String.strip() strips ISO-8859-1 text: the file and group separators too, a no-break space not. */
    @Test
    void strippedAsJavaStripsIt() {
        RepeatedTexts texts = new RepeatedTexts();
        for (String text : new String[] {" \t220 hello\r", "\u001c220\u001f", "\u00a0220\u00a0", "   ", "", "x"}) {
            Bytes b = bytes(text);
            assertEquals(text.strip(), texts.stripped(b, 0, b.length()), text);
        }
    }

    @Test
    void aJoinedTextIsTheTextItsPiecesMake() {
        RepeatedTexts texts = new RepeatedTexts();
        Bytes name = bytes("..mail.example.test..");
        String joined = texts.join().add(name, 2, name.length() - 2).add(':').add(65535).joined();
        assertEquals("mail.example.test:65535", joined);
        assertSame(joined, texts.join().add(name, 2, name.length() - 2).add(':').add(65535).joined());
        assertEquals("0.10.255.7:0", texts.join().add(0).add('.').add(10).add('.').add(255).add('.').add(7).add(':').add(0).joined());
        Bytes longest = bytes("h".repeat(255));
        assertEquals("h".repeat(255) + ":25", texts.join().add(longest, 0, 255).add(':').add(25).joined(), "a SOCKS5 host name's most");
        Bytes socks4a = bytes("n".repeat(10_000)); // a SOCKS4a name ends where its request has a zero byte: any length
        assertEquals("n".repeat(10_000) + ":1080", texts.join().add(socks4a, 0, 10_000).add(':').add(1080).joined());
        assertEquals("x:1", texts.join().add('x').add(':').add(1).joined(), "short again after a long one");
    }

    /** A full table, and a text too long to keep, still give the right text, made anew. */
    @Test
    void textsBeyondTheTableAreStillRight() {
        RepeatedTexts texts = new RepeatedTexts();
        String early = texts.join().add(0).joined();
        for (int i = 0; i < 10_000; i++) {
            assertEquals("192.0.2." + i + ":25", texts.join().add(192).add('.').add(0).add('.').add(2).add('.').add(i).add(':').add(25).joined());
        }
        String late = texts.join().add(20_000).joined();
        assertEquals("20000", late);
        assertNotSame(late, texts.join().add(20_000).joined(), "not kept once the table is three-quarters full");
        assertSame(early, texts.join().add(0).joined(), "one kept early is still found");
        Bytes long300 = bytes("a".repeat(300));
        assertEquals("a".repeat(300), texts.ascii(long300, 0, 300));
    }
}
