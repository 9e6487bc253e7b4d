package org.proxyscope.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Counting mail in a client's SMTP stream: commands in any case and padding, message ends, bodies ignored. */
class MailCountTest {

    private static final Bytes SERVER = bytes("220 mx.example.test ESMTP\r\n250 ok\r\n");

    private static Bytes bytes(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        return Bytes.of(b, b.length);
    }

    @Test
    void commandsCountInAnyCaseAndPaddingButNotInsideAMessage() {
        ContentAnalyzer.Mail mail = ContentAnalyzer.Mail.count(bytes("""
                ehlo spam.test\r
                mail from:<a@spam.test>\r
                  rcpt to:<one@example.test>\r
                RCPT TO:<two@example.test>\r
                Rcpt To:<three@example.test>\r
                data\r
                Subject: DATA\r
                \r
                RCPT TO: in the body is text\r
                DATA\r
                \t.\t\r
                MAIL FROM:<a@spam.test>\r
                RCPT TO:<four@example.test>\r
                DATA\r
                second\r
                .\r
                QUIT\r
                """), SERVER);

        assertEquals(2, mail.messages());
        assertEquals(4, mail.recipients());
    }

    /** A flow of its own is told SMTP by its first words; its banner is what the flow shows. */
    @Test
    void theBannerComesFromTheFirstWordsAlone() {
        assertEquals("220 mx.example.test ESMTP", ContentAnalyzer.Mail.banner(bytes("helo spam.test\r\n"), SERVER, new RepeatedTexts()));
        assertEquals("220 no line end", ContentAnalyzer.Mail.banner(bytes("EHLO x"), bytes("220 no line end"), new RepeatedTexts()));
    }

    @Test
    void aLongLineIsJudgedByItsFirstSixteenBytes() {
        ContentAnalyzer.Mail mail = ContentAnalyzer.Mail.count(bytes("EHLO x\r\nRCPT TO:<" + "a".repeat(300) + "@b>\r\n"
                + "DATAX but longer than sixteen\r\n" + "            DATA\r\n.\r\n"), SERVER);

        assertEquals(1, mail.recipients());
        assertEquals(1, mail.messages(), "DATA padded to the sixteenth byte still counts; DATAX does not");
    }

    @Test
    void withoutAGreetingAndHeloItIsNoMail() {
        assertNull(ContentAnalyzer.Mail.count(bytes("GET / HTTP/1.1\r\n"), SERVER));
        assertNull(ContentAnalyzer.Mail.count(bytes("EHLO x\r\n"), bytes("HTTP/1.1 200 OK\r\n")));
        assertNull(ContentAnalyzer.Mail.banner(bytes("GET / HTTP/1.1\r\n"), SERVER, new RepeatedTexts()));
        assertNull(ContentAnalyzer.Mail.banner(bytes("EHLO x\r\n"), bytes("HTTP/1.1 200 OK\r\n"), new RepeatedTexts()));
    }
}
