package dev.ariadne.loader;

/** How a load shows progress. */
public enum ProgressMode {
    /** A progress bar when stderr is a terminal, plain log lines otherwise. */
    AUTO,
    /** Always a progress bar. */
    BAR,
    /** Plain log lines every few seconds. */
    LOG,
    /** Nothing. */
    NONE
}
