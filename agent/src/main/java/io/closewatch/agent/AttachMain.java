package io.closewatch.agent;

import com.sun.tools.attach.VirtualMachine;
import io.closewatch.agent.gate.CompareCommand;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code java -jar closewatch-agent.jar <pid> [key=value,...]}: loads this jar as an agent into a running JVM, with
 * the same arguments as {@code -javaagent}. Needs a JDK (the Attach API), like any attach tool.
 * {@code java -jar closewatch-agent.jar compare ...} is the release gate instead ({@link CompareCommand}).
 */
public final class AttachMain {
    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar closewatch-agent.jar <pid> [key=value,...]   attach to a running JVM (a JDK's java)",
            "   or: java -jar closewatch-agent.jar compare --help           the release gate",
            "   or: java -javaagent:closewatch-agent.jar[=key=value,...] ... at start-up (see the README)");

    /** Loads the agent jar into the JVM of a process id. */
    interface Attacher {
        void attach(String pid, String jar, String options) throws Exception;
    }

    private AttachMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("compare")) {
            System.exit(CompareCommand.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out,
                    System.err));
        }
        String jar = Path.of(AttachMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        System.exit(attach(args, jar, System.out, System.err, AttachMain::loadAgent));
    }

    /**
     * @return 0 when attached or when the usage was asked for; 2 for arguments that are not a usage; 1 when the
     *         attach failed (one line, no stack trace: the process may be gone, or not a JVM this user can reach)
     */
    static int attach(String[] args, String jar, PrintStream out, PrintStream err, Attacher attacher) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        if (args.length < 1 || args.length > 2) {
            err.println(USAGE);
            return 2;
        }
        if (!args[0].chars().allMatch(Character::isDigit) || args[0].isEmpty()) {
            err.println("Closewatch: '" + args[0] + "' is not a process id");
            err.println(USAGE);
            return 2;
        }
        try {
            attacher.attach(args[0], jar, args.length > 1 ? args[1] : "");
        } catch (Exception e) {
            err.println("Closewatch could not attach to process " + args[0] + ": " + e);
            return 1;
        }
        out.println("Closewatch attached to " + args[0]);
        return 0;
    }

    private static void loadAgent(String pid, String jar, String options) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(pid);
        try {
            vm.loadAgent(jar, options);
        } finally {
            vm.detach();
        }
    }
}
