package io.closewatch.containers.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * How a test host takes its scenarios: one per line on standard input, each answered "DONE &lt;line&gt;" once it
 * played, or "FAILED &lt;line&gt;: &lt;why&gt;"; "exit" or the end of input stops it.
 */
interface Scenarios {
    /** Plays one scenario, its words as the line gave them. */
    void play(String[] command) throws Exception;

    /** Reads and plays scenarios until "exit" or the end of standard input. */
    default void playFromStandardInput() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("exit")) {
            try {
                play(line.trim().split("\\s+"));
                System.out.println("DONE " + line);
            } catch (Exception | AssertionError e) {
                e.printStackTrace();
                System.out.println("FAILED " + line + ": " + e);
            }
        }
    }
}
