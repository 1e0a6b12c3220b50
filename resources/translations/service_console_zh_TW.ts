<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>CallDesk</name>
    <message>
        <source>Calls</source>
        <translation>來電</translation>
    </message>
    <message>
        <source>Calls and call-backs</source>
        <translation>來電與回撥</translation>
    </message>
    <message>
        <source>Phone link status</source>
        <translation>電話系統連線狀態</translation>
    </message>
    <message>
        <source>Call queue</source>
        <translation>來電佇列</translation>
    </message>
    <message>
        <source>The picked call</source>
        <translation>選取的來電</translation>
    </message>
    <message>
        <source>Pick a call in the queue (Ctrl+J, then ↑/↓ and Enter).</source>
        <translation>請在佇列中選取來電（Ctrl+J，再按 ↑/↓ 和 Enter）。</translation>
    </message>
    <message>
        <source>No call picked</source>
        <translation>未選取來電</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>來電者</translation>
    </message>
    <message>
        <source>Probable match (same last digits): check the name before you use it.</source>
        <translation>可能相符（末碼相同）：稱呼客戶前請先核對姓名。</translation>
    </message>
    <message>
        <source>Probable match warning</source>
        <translation>可能相符提示</translation>
    </message>
    <message>
        <source>Greeting to say</source>
        <translation>問候語</translation>
    </message>
    <message>
        <source>About the caller</source>
        <translation>來電者資訊</translation>
    </message>
    <message>
        <source>&amp;Open profile</source>
        <translation>開啟檔案(&amp;O)</translation>
    </message>
    <message>
        <source>Open the caller&apos;s profile</source>
        <translation>開啟來電者的檔案</translation>
    </message>
    <message>
        <source>Co&amp;mplaint (%1)</source>
        <translation>客訴(&amp;M) (%1)</translation>
    </message>
    <message>
        <source>Start a complaint for this caller</source>
        <translation>為此來電者登記客訴</translation>
    </message>
    <message>
        <source>Dismiss this call card</source>
        <translation>關閉此來電卡片</translation>
    </message>
    <message>
        <source>Who is calling</source>
        <translation>來電者是誰</translation>
    </message>
    <message>
        <source>Customers with this number</source>
        <translation>使用此號碼的客戶</translation>
    </message>
    <message>
        <source>&amp;This is the caller</source>
        <translation>就是這位來電者(&amp;T)</translation>
    </message>
    <message>
        <source>This is the caller</source>
        <translation>就是這位來電者</translation>
    </message>
    <message>
        <source>New caller</source>
        <translation>新來電者</translation>
    </message>
    <message>
        <source>Create pro&amp;file</source>
        <translation>建立檔案(&amp;F)</translation>
    </message>
    <message>
        <source>Create a profile with this number</source>
        <translation>用此號碼建立客戶檔案</translation>
    </message>
    <message>
        <source>Find a customer to attach the number to</source>
        <translation>尋找要連結此號碼的客戶</translation>
    </message>
    <message>
        <source>…or attach the number to: name, phone, member no.</source>
        <translation>…或將號碼連結到：姓名、電話、會員編號</translation>
    </message>
    <message>
        <source>Customers to attach the number to</source>
        <translation>可連結此號碼的客戶</translation>
    </message>
    <message>
        <source>&amp;Attach number</source>
        <translation>連結號碼(&amp;A)</translation>
    </message>
    <message>
        <source>Attach the number to the selected customer</source>
        <translation>將號碼連結到所選客戶</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示訊息</translation>
    </message>
    <message>
        <source>Missed calls to return</source>
        <translation>待回撥的未接來電</translation>
    </message>
    <message>
        <source>Called &amp;back</source>
        <translation>已回撥(&amp;B)</translation>
    </message>
    <message>
        <source>Mark as called back</source>
        <translation>標記為已回撥</translation>
    </message>
    <message>
        <source>Nobody is waiting for a call back.</source>
        <translation>目前沒有需要回撥的客戶。</translation>
    </message>
    <message>
        <source>Call-back list status</source>
        <translation>回撥清單狀態</translation>
    </message>
    <message>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>號碼</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>時長</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Calls columns</source>
        <translation>來電記錄欄</translation>
    </message>
    <message>
        <source>Calls rows</source>
        <translation>來電記錄列</translation>
    </message>
    <message>
        <source>Complaint from the &amp;caller</source>
        <translation>來電者客訴(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Calls</source>
        <translation>來電(&amp;C)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>電話(&amp;H)</translation>
    </message>
    <message>
        <source>Copy the phone-system &amp;URL</source>
        <translation>複製電話系統網址(&amp;U)</translation>
    </message>
    <message>
        <source>Listening for calls on %1</source>
        <translation>正在 %1 上接收來電</translation>
    </message>
    <message>
        <source>Phone link off: %1</source>
        <translation>電話系統未連線：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) in the queue</source>
        <translation>
            <numerusform>佇列中有 %n 通來電</numerusform>
        </translation>
    </message>
    <message>
        <source>No calls yet. Waiting for the phone system…</source>
        <translation>目前沒有來電，正在等待電話系統…</translation>
    </message>
    <message>
        <source>Phone-system URL copied (keep it secret).</source>
        <translation>已複製電話系統網址（請勿外流）。</translation>
    </message>
    <message>
        <source>Customer #%1</source>
        <translation>客戶 #%1</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) share this number</source>
        <translation>
            <numerusform>%n 位客戶使用此號碼</numerusform>
        </translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Loading the profile…</source>
        <translation>正在載入檔案…</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) have %1. Who is calling?</source>
        <translation>
            <numerusform>%n 位客戶使用 %1。來電者是哪一位？</numerusform>
        </translation>
    </message>
    <message>
        <source>New caller · %1</source>
        <translation>新來電者 · %1</translation>
    </message>
    <message>
        <source>(not a usable number)</source>
        <translation>（號碼無法使用）</translation>
    </message>
    <message>
        <source>&amp;Dismiss card</source>
        <translation>關閉卡片(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>關閉(&amp;D)</translation>
    </message>
    <message>
        <source>Last visit %1 (%2)</source>
        <translation>上次光臨：%1（%2）</translation>
    </message>
    <message>
        <source>No visits yet</source>
        <translation>尚未光臨</translation>
    </message>
    <message>
        <source>Last purchase %1: %2</source>
        <translation>上次購買 %1：%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>Calls (%n)</source>
        <translation>
            <numerusform>來電（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick a call from a known customer first.</source>
        <translation>請先選取一通已知客戶的來電。</translation>
    </message>
    <message>
        <source>Complaints are not available in this version yet.</source>
        <translation>此版本尚未提供客訴功能。</translation>
    </message>
    <message>
        <source>no member no.</source>
        <translation>無會員編號</translation>
    </message>
    <message>
        <source>missed %1</source>
        <translation>未接 %1</translation>
    </message>
    <message numerus="yes">
        <source>Call back (%n)</source>
        <translation>
            <numerusform>回撥（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>回撥</translation>
    </message>
</context>
<context>
    <name>CallLabels</name>
    <message>
        <source>ringing</source>
        <translation>響鈴中</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已接聽</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已結束</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>未接</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>撥入</translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation>撥出</translation>
    </message>
    <message>
        <source>exact match</source>
        <translation>完全相符</translation>
    </message>
    <message>
        <source>probable match</source>
        <translation>可能相符</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>無相符</translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>未結客訴</translation>
    </message>
    <message>
        <source>Birthday today</source>
        <translation>今天生日</translation>
    </message>
    <message>
        <source>Reward available — tell them</source>
        <translation>有可兌換獎勵——請告知客戶</translation>
    </message>
    <message>
        <source>First visit</source>
        <translation>首次光臨</translation>
    </message>
    <message>
        <source>Topics to avoid</source>
        <translation>需避免的話題</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
</context>
<context>
    <name>CallWords</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1小時%2分</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <source>missed just now</source>
        <translation>剛剛未接</translation>
    </message>
    <message numerus="yes">
        <source>missed %n min ago</source>
        <translation>
            <numerusform>%n分鐘前未接</numerusform>
        </translation>
    </message>
    <message>
        <source>missed at %1</source>
        <translation>%1 未接</translation>
    </message>
    <message>
        <source>missed %1</source>
        <translation>%1 未接</translation>
    </message>
    <message>
        <source>ringing %1</source>
        <translation>響鈴中 %1</translation>
    </message>
    <message>
        <source>talking %1 · %2</source>
        <translation>通話中 %1 · %2</translation>
    </message>
    <message>
        <source>talking %1</source>
        <translation>通話中 %1</translation>
    </message>
    <message>
        <source>ended · %1</source>
        <translation>已結束 · %1</translation>
    </message>
    <message>
        <source>Withheld number</source>
        <translation>隱藏號碼</translation>
    </message>
    <message>
        <source>no visits yet</source>
        <translation>尚未光臨</translation>
    </message>
    <message>
        <source>last visit %1</source>
        <translation>上次光臨 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>光臨%n次</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>培訓師</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>經理</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理員</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>已備份至 {path}</translation>
    </message>
    <message>
        <source>{name} · {role}  (Ctrl+Shift+L to lock)</source>
        <translation>{name} · {role}（Ctrl+Shift+L 鎖定）</translation>
    </message>
    <message>
        <source>Backup failed: {error}</source>
        <translation>備份失敗：{error}</translation>
    </message>
    <message>
        <source>Open complaint: {summary}</source>
        <translation>未結客訴：{summary}</translation>
    </message>
    <message>
        <source>Open complaint: {summary} — reply promised by {when} ({left})</source>
        <translation>未結客訴：{summary} — 已承諾在 {when} 前回覆（{left}）</translation>
    </message>
    <message>
        <source>turned off (setting cti_enabled)</source>
        <translation>已關閉（設定 cti_enabled）</translation>
    </message>
    <message>
        <source>Adding demo customers for a first look…</source>
        <translation>正在新增示範客戶，供初次體驗…</translation>
    </message>
    <message>
        <source>Demo data ready: {customers} customers, {purchases} purchases.</source>
        <translation>示範資料已就緒：{customers} 位客戶，{purchases} 筆消費。</translation>
    </message>
    <message>
        <source>Service Console — database passphrase</source>
        <translation>服務台 — 資料庫密碼片語</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least {count} characters. Nobody can recover the data without it.</source>
        <translation>請設定至少 {count} 個字元的密碼片語。沒有它，任何人都無法復原資料。</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>密碼片語：</translation>
    </message>
    <message>
        <source>At least {count} characters, please.</source>
        <translation>請至少輸入 {count} 個字元。</translation>
    </message>
    <message>
        <source>Type it again:</source>
        <translation>請再輸入一次：</translation>
    </message>
    <message>
        <source>The two passphrases differ; try again.</source>
        <translation>兩次輸入的密碼片語不一致，請重試。</translation>
    </message>
    <message>
        <source>That passphrase does not open the database.</source>
        <translation>此密碼片語無法開啟資料庫。</translation>
    </message>
    <message>
        <source>Service Console</source>
        <translation>服務台</translation>
    </message>
    <message>
        <source>This database is not encrypted. Close the app and run &apos;service-console encrypt&apos; to protect customers&apos; data.</source>
        <translation>此資料庫未加密。請關閉程式並執行「service-console encrypt」以保護客戶資料。</translation>
    </message>
    <message>
        <source>No font that can show Chinese characters was found. Chinese names will show as boxes. On Debian/Ubuntu: sudo apt-get install fonts-noto-cjk</source>
        <translation>找不到可顯示中文的字型，中文姓名將顯示為方框。Debian/Ubuntu 上請執行：sudo apt-get install fonts-noto-cjk</translation>
    </message>
</context>
<context>
    <name>CustomerProfile</name>
    <message>
        <source>Customer profile</source>
        <translation>客戶資料</translation>
    </message>
    <message>
        <source>Find a customer with the search box (Ctrl+K or /), or add a new one (Ctrl+N).</source>
        <translation>用搜尋框尋找客戶（Ctrl+K 或 /），或新增客戶（Ctrl+N）。</translation>
    </message>
    <message>
        <source>Greeting to say</source>
        <translation>問候語</translation>
    </message>
    <message>
        <source>Name and contact</source>
        <translation>姓名與聯絡方式</translation>
    </message>
    <message>
        <source>Visits, spend and loyalty</source>
        <translation>來店、消費與集點</translation>
    </message>
    <message>
        <source>Things to remember</source>
        <translation>注意事項</translation>
    </message>
    <message>
        <source>Log &amp;visit (Ctrl+L)</source>
        <translation>登記來店(&amp;V)（Ctrl+L）</translation>
    </message>
    <message>
        <source>Log a visit</source>
        <translation>登記一次來店</translation>
    </message>
    <message>
        <source>Add &amp;purchase (Ctrl+P)</source>
        <translation>新增消費(&amp;P)（Ctrl+P）</translation>
    </message>
    <message>
        <source>Add a purchase</source>
        <translation>新增一筆消費</translation>
    </message>
    <message>
        <source>&amp;Edit (Ctrl+E)</source>
        <translation>編輯(&amp;E)（Ctrl+E）</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>編輯客戶</translation>
    </message>
    <message>
        <source>&amp;Reward given (Ctrl+R)</source>
        <translation>已兌換獎勵(&amp;R)（Ctrl+R）</translation>
    </message>
    <message>
        <source>Record that the reward was given</source>
        <translation>記錄獎勵已兌換</translation>
    </message>
    <message>
        <source>Start &amp;complaint (Ctrl+Shift+C)</source>
        <translation>登記客訴(&amp;C)（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>Start a complaint for this customer</source>
        <translation>為此客戶登記客訴</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>At a glance</source>
        <translation>概覽</translation>
    </message>
    <message>
        <source>What to remember</source>
        <translation>注意事項</translation>
    </message>
    <message>
        <source>History</source>
        <translation>歷史紀錄</translation>
    </message>
    <message>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>門市</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>員工</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>消費紀錄</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>來店紀錄</translation>
    </message>
    <message>
        <source>{table} columns</source>
        <translation>{table}的欄</translation>
    </message>
    <message>
        <source>{table} rows</source>
        <translation>{table}的列</translation>
    </message>
    <message>
        <source>Purchases ({count})</source>
        <translation>消費紀錄（{count}）</translation>
    </message>
    <message>
        <source>Visits ({count})</source>
        <translation>來店紀錄（{count}）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Address as: {name}</source>
        <translation>稱呼：{name}</translation>
    </message>
    <message>
        <source>Member {number} · {tier}</source>
        <translation>會員 {number} · {tier}</translation>
    </message>
    <message>
        <source>Looked after by {name}</source>
        <translation>專屬服務：{name}</translation>
    </message>
    <message>
        <source>Birthday {date}</source>
        <translation>生日 {date}</translation>
    </message>
    <message>
        <source>Greetings: {greetings} · Offers: {offers}</source>
        <translation>接收問候：{greetings} · 接收優惠：{offers}</translation>
    </message>
    <message numerus="yes">
        <source>%n reward(s) available — tell them: {reward}</source>
        <translation>
            <numerusform>有%n份獎勵可領 — 請告知客戶：{reward}</numerusform>
        </translation>
    </message>
    <message>
        <source>{stamps} of {every} stamps</source>
        <translation>已集 {stamps}/{every} 點</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n visit(s)&lt;/b&gt; so far</source>
        <translation>
            <numerusform>至今&lt;b&gt;來店%n次&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;No visits yet&lt;/b&gt;</source>
        <translation>&lt;b&gt;尚無來店紀錄&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Last seen {ago} ({date})</source>
        <translation>上次光臨：{ago}（{date}）</translation>
    </message>
    <message numerus="yes">
        <source>Lifetime spend {amount} over %n purchase(s)</source>
        <translation>
            <numerusform>累計消費 {amount}，共%n筆</numerusform>
        </translation>
    </message>
    <message>
        <source>Favourites: {items}</source>
        <translation>常買：{items}</translation>
    </message>
    <message>
        <source>Loyalty ({rule}): {status}</source>
        <translation>集點卡（{rule}）：{status}</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>喜好</translation>
    </message>
    <message>
        <source>nothing noted yet</source>
        <translation>尚無紀錄</translation>
    </message>
    <message>
        <source>Dislikes / allergies</source>
        <translation>忌口 / 過敏</translation>
    </message>
    <message>
        <source>none noted</source>
        <translation>尚無紀錄</translation>
    </message>
    <message>
        <source>Topics to avoid</source>
        <translation>避免的話題</translation>
    </message>
    <message>
        <source>Kind of customer</source>
        <translation>客戶類型</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Open complaint: acknowledge it first — no cheerful small talk.</source>
        <translation>有未結客訴：請先回應客訴，不要輕鬆寒暄。</translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>未結客訴</translation>
    </message>
    <message>
        <source>Press Enter or click to open it</source>
        <translation>按 Enter 或點選開啟</translation>
    </message>
    <message>
        <source>Click or Enter opens it</source>
        <translation>點選或按 Enter 開啟</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n天後</numerusform>
        </translation>
    </message>
    <message>
        <source>Birthday today</source>
        <translation>今天生日</translation>
    </message>
    <message>
        <source>Birthday {when}</source>
        <translation>{when}生日</translation>
    </message>
    <message>
        <source>{occasion} {when}</source>
        <translation>{when}：{occasion}</translation>
    </message>
    <message>
        <source>Reward available — tell them</source>
        <translation>有獎勵可領 — 請告知客戶</translation>
    </message>
    <message>
        <source>First visit</source>
        <translation>首次來店</translation>
    </message>
    <message>
        <source>Make them feel welcome</source>
        <translation>讓客戶感到賓至如歸</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <source>Drink</source>
        <translation>飲品</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>食品</translation>
    </message>
    <message>
        <source>Retail</source>
        <translation>零售商品</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>e.g. Earl Grey tea, 茉莉花茶</source>
        <translation>例如：伯爵茶、茉莉花茶</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Enter the price</source>
        <translation>請輸入價格</translation>
    </message>
    <message>
        <source>“{text}” is not an amount of money (at most 2 decimals)</source>
        <translation>「{text}」不是有效金額（最多兩位小數）</translation>
    </message>
    <message>
        <source>“{text}” is not an amount of money</source>
        <translation>「{text}」不是有效金額</translation>
    </message>
    <message>
        <source>A price cannot be negative</source>
        <translation>價格不能為負數</translation>
    </message>
    <message>
        <source>Enter what was bought</source>
        <translation>請輸入所購商品</translation>
    </message>
    <message>
        <source>Item {n} name</source>
        <translation>第 {n} 項商品名稱</translation>
    </message>
    <message>
        <source>Item {n} category</source>
        <translation>第 {n} 項類別</translation>
    </message>
    <message>
        <source>Item {n} quantity</source>
        <translation>第 {n} 項數量</translation>
    </message>
    <message>
        <source>Item {n} unit price</source>
        <translation>第 {n} 項單價</translation>
    </message>
    <message>
        <source>Remove item {n}</source>
        <translation>刪除第 {n} 項</translation>
    </message>
    <message>
        <source>Item {n} total</source>
        <translation>第 {n} 項小計</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Service Console</source>
        <translation>服務台</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>搜尋客戶</translation>
    </message>
    <message>
        <source>Find a customer: name, 拼音, phone or its last 4 digits, member no., email  (Ctrl+K or /)</source>
        <translation>尋找客戶：姓名、拼音、電話或末4碼、會員編號、電子郵件（Ctrl+K 或 /）</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜尋結果</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>尋找</translation>
    </message>
    <message>
        <source>&amp;Find customer</source>
        <translation>尋找客戶(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>新增客戶(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit customer…</source>
        <translation>編輯客戶(&amp;E)…</translation>
    </message>
    <message>
        <source>Log &amp;visit</source>
        <translation>登記來店(&amp;V)</translation>
    </message>
    <message>
        <source>Add &amp;purchase…</source>
        <translation>新增消費(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Reward given</source>
        <translation>已兌換獎勵(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Phrasebook…</source>
        <translation>話術庫(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今日(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客戶(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>Phrasebook — Service Console</source>
        <translation>話術庫 — 服務台</translation>
    </message>
    <message>
        <source>Open a customer first (search with Ctrl+K).</source>
        <translation>請先開啟一位客戶（按 Ctrl+K 搜尋）。</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>發生錯誤：{error}</translation>
    </message>
    <message numerus="yes">
        <source>%n found — Enter opens the highlighted customer, ↓ moves down.</source>
        <translation>
            <numerusform>找到%n位 — 按 Enter 開啟選取的客戶，按 ↓ 向下移動。</numerusform>
        </translation>
    </message>
    <message>
        <source>No customer matches “{query}”. Press Ctrl+N to add them.</source>
        <translation>沒有符合「{query}」的客戶。按 Ctrl+N 新增。</translation>
    </message>
    <message>
        <source>Customer #{number} no longer exists.</source>
        <translation>客戶 #{number} 已不存在。</translation>
    </message>
    <message>
        <source>Visit logged for {name}.</source>
        <translation>已為 {name} 登記來店。</translation>
    </message>
    <message>
        <source>No reward is available for this customer yet.</source>
        <translation>此客戶尚無可領取的獎勵。</translation>
    </message>
    <message>
        <source>Reward recorded as given.</source>
        <translation>已記錄獎勵兌換。</translation>
    </message>
    <message>
        <source>Customer saved.</source>
        <translation>客戶已儲存。</translation>
    </message>
    <message>
        <source>The phrasebook is not available here.</source>
        <translation>此處無法使用話術庫。</translation>
    </message>
</context>
<context>
    <name>PurchaseDialog</name>
    <message>
        <source>In store</source>
        <translation>門市</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>線上</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Add purchase</source>
        <translation>新增消費</translation>
    </message>
    <message>
        <source>Add purchase — {name}</source>
        <translation>新增消費 — {name}</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>幣別</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>通路</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>數量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>單價</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>小計</translation>
    </message>
    <message>
        <source>&amp;Add item</source>
        <translation>新增商品(&amp;A)</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>幣別(&amp;U)</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>通路(&amp;H)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>儲存(&amp;S)</translation>
    </message>
    <message>
        <source>Save purchase</source>
        <translation>儲存消費</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在儲存…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>check item {numbers}</source>
        <translation>請檢查第 {numbers} 項</translation>
    </message>
    <message>
        <source>add at least one item</source>
        <translation>至少新增一項商品</translation>
    </message>
    <message>
        <source>Total  {amount}</source>
        <translation>合計  {amount}</translation>
    </message>
    <message>
        <source>To save: {problems}.</source>
        <translation>儲存前請：{problems}。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Could not save: {error}</source>
        <translation>無法儲存：{error}</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <source>last visit {date}</source>
        <translation>上次來店 {date}</translation>
    </message>
    <message>
        <source>no visits yet</source>
        <translation>尚無來店紀錄</translation>
    </message>
</context>
<context>
    <name>StaffMenu</name>
    <message>
        <source>&amp;Staff</source>
        <translation>員工(&amp;S)</translation>
    </message>
    <message>
        <source>Lock / switch staff</source>
        <translation>鎖定 / 切換員工</translation>
    </message>
    <message>
        <source>Staff &amp;accounts…</source>
        <translation>員工帳號(&amp;A)…</translation>
    </message>
    <message>
        <source>Audit &amp;trail…</source>
        <translation>稽核紀錄(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即備份(&amp;B)</translation>
    </message>
</context>
<context>
    <name>Tier</name>
    <message>
        <source>Regular</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>銀卡</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
</context>
<context>
    <name>TimeWords</name>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨天</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n天前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s) ago</source>
        <translation>
            <numerusform>%n週前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>%n個月前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>%n年前</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Birthdays and anniversaries</source>
        <translation>生日與紀念日</translation>
    </message>
    <message>
        <source>Birthdays and anniversaries coming up</source>
        <translation>即將到來的生日與紀念日</translation>
    </message>
    <message>
        <source>We miss you — good customers not seen for a while</source>
        <translation>好久不見 — 一段時間未來店的老顧客</translation>
    </message>
    <message>
        <source>Good customers not seen for a while</source>
        <translation>一段時間未來店的老顧客</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n天後</numerusform>
        </translation>
    </message>
    <message>
        <source>Today, {weekday} {date}</source>
        <translation>今日：{date} {weekday}</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>{occasion} ({years})</source>
        <translation>{occasion}（{years}週年）</translation>
    </message>
    <message>
        <source>{occasion} {when} — {name}</source>
        <translation>{when}{occasion} — {name}</translation>
    </message>
    <message>
        <source>No birthdays or anniversaries this week.</source>
        <translation>本週沒有生日或紀念日。</translation>
    </message>
    <message numerus="yes">
        <source>{name} — %n visit(s), last seen {ago}</source>
        <translation>
            <numerusform>{name} — 來店%n次，上次光臨：{ago}</numerusform>
        </translation>
    </message>
    <message>
        <source>Everyone we know well has been in recently.</source>
        <translation>熟客最近都來過。</translation>
    </message>
</context>
</TS>
