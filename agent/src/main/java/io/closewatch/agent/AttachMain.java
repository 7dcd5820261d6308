package io.closewatch.agent;

import com.sun.tools.attach.VirtualMachine;
import io.closewatch.agent.gate.CompareCommand;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code java -jar closewatch-agent.jar <pid> [key=value,...]}: loads this jar as an agent into a running JVM, with
 * the same arguments as {@code -javaagent}. Needs a JDK (the Attach API), like any attach tool.
 * {@code java -jar closewatch-agent.jar compare ...} is the release gate instead ({@link CompareCommand}).
 */
public final class AttachMain {
    private AttachMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("compare")) {
            System.exit(CompareCommand.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out,
                    System.err));
        }
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java -jar closewatch-agent.jar <pid> [key=value,...]");
            System.err.println("   or: java -jar closewatch-agent.jar compare --help");
            System.exit(2);
        }
        String jar = Path.of(AttachMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgent(jar, args.length > 1 ? args[1] : "");
        } finally {
            vm.detach();
        }
        System.out.println("Closewatch attached to " + args[0]);
    }
}
