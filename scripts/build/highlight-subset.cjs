// What `require("highlight.js")` gives the bundle: highlight.js's core with the languages lessons use,
// instead of all 190 of them (about a megabyte of the package). A code block in another language is
// shown without colours, as marked-terminal does when highlighting fails.
const hljs = require("highlight.js/lib/core");

hljs.registerLanguage("bash", require("highlight.js/lib/languages/bash"));
hljs.registerLanguage("dockerfile", require("highlight.js/lib/languages/dockerfile"));
hljs.registerLanguage("yaml", require("highlight.js/lib/languages/yaml"));
hljs.registerLanguage("python", require("highlight.js/lib/languages/python"));
hljs.registerLanguage("javascript", require("highlight.js/lib/languages/javascript"));
hljs.registerLanguage("json", require("highlight.js/lib/languages/json"));
hljs.registerLanguage("ini", require("highlight.js/lib/languages/ini"));
hljs.registerLanguage("plaintext", require("highlight.js/lib/languages/plaintext"));

module.exports = hljs;
