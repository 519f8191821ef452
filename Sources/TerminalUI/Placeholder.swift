/// Placeholder until the cell buffer lands.
public enum TerminalUIPlaceholder {}
