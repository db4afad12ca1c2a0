// The handout page's one script: its print button (the page itself is the report's, without scripts).
document.getElementById("print")?.addEventListener("click", () => window.print());
