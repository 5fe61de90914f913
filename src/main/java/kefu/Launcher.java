package kefu;

/**
 * The jar's entry point. The jar loads its libraries from the {@code lib/} folder beside it; a jar copied without
 * that folder would otherwise stop with a missing Spring class, so this says what to do instead. Uses nothing
 * but the JDK, since it runs before the libraries are known to be there.
 */
public final class Launcher {

    /** Exit status when the libraries are missing, as for a usage error. */
    static final int MISSING_LIBRARIES = 2;

    private Launcher() {
    }

    public static void main(String[] args) {
        if (Launcher.class.getClassLoader().getResource("org/springframework/boot/SpringApplication.class") == null) {
            System.err.println("kefu-bot: its libraries are missing. Keep the lib/ folder the build writes beside the"
                    + " jar (target/lib) next to kefu-bot.jar, or run the container image; see docs/deploy.md.");
            System.exit(MISSING_LIBRARIES);
        }
        KefuApplication.main(args);
    }
}
