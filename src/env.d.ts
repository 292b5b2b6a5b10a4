declare module 'virtual:multiplane/context' {
  const context: import('./integration/context-module.ts').SiteContext;
  export default context;
}
