/** The page's styles, served as /map/assets/map.css. */
export const MAP_STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;background:#fff;line-height:1.4}
header,footer{padding:12px 20px;background:#1d3557;color:#fff}
header h1{margin:0;font-size:1.5rem}
footer{background:#f3f2f1;color:#0b0c0c;font-size:.85rem}
a{color:#1d70b8}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fd0;color:#0b0c0c;padding:8px;z-index:2000}
.controls{display:flex;flex-wrap:wrap;gap:16px;padding:12px 20px;background:#f3f2f1;align-items:flex-end}
.controls form{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-end;margin:0}
label{display:block;font-weight:bold;font-size:.95rem}
input[type=text],select{font-size:1rem;padding:6px;border:2px solid #0b0c0c;min-width:10rem}
button{font-size:1rem;padding:7px 14px;background:#00703c;color:#fff;border:0;border-bottom:2px solid #002d18;cursor:pointer}
button.secondary{background:#505a5f}
:focus-visible{outline:3px solid #fd0;outline-offset:0;box-shadow:0 -2px #fd0,0 4px #0b0c0c}
.checkbox label{display:inline;font-weight:normal}
main{display:grid;grid-template-columns:minmax(300px,2fr) 3fr;gap:0;height:calc(100vh - 190px);min-height:480px}
#list-panel{overflow:auto;padding:0 20px;border-right:1px solid #b1b4b6}
#map{height:100%;min-height:480px;background:#dfe7ea}
#service-list{list-style:none;padding:0;margin:0}
.service{border-bottom:1px solid #b1b4b6;padding:10px 0}
.service h3{margin:0 0 2px;font-size:1.1rem}
.service .organisation{margin:0 0 6px;color:#505a5f}
.service dl{display:grid;grid-template-columns:9rem 1fr;gap:2px 8px;margin:0;font-size:.9rem}
.service dt{font-weight:bold}.service dd{margin:0}
.status{font-weight:bold;margin:10px 0}
.note{font-size:.85rem;color:#505a5f;min-height:1em;margin:4px 0}
@media (max-width:800px){main{grid-template-columns:1fr;height:auto}#map{height:50vh}#list-panel{border:0}}
`;
