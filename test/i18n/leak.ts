/** A namespace-prefixed key, or an interpolation left unfilled (Teams' DATE()/TIME() macros are meant). */
export const LEAK = /\{\{(?!DATE\(|TIME\()|\b(common|sla|cli|cards|reminders|server|slack|teams):[a-zA-Z]/;
